package org.carecircle.planning;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.DeletionPayload;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.Language;
import org.carecircle.api.Paging;
import org.carecircle.api.UserError;
import org.carecircle.api.Violations;
import org.carecircle.coverage.Coverage;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.coverage.CoverageReports;
import org.carecircle.coverage.CoverageService;
import org.carecircle.engine.coverage.GapAreas;
import org.carecircle.indicator.IndicatorService;
import org.carecircle.indicator.IndicatorViews;
import org.carecircle.indicator.IndicatorWords;
import org.carecircle.indicator.TargetSetId;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import static org.carecircle.coverage.CoverageReports.round;

@GraphQLApi
public class ScenarioApi {
    @Inject
    Paging paging;
    @Inject
    HeavyWork heavyWork;
    @Inject
    ScenarioService scenarios;
    @Inject
    CoverageService coverage;
    @Inject
    IndicatorService indicators;
    @Inject
    SecurityIdentity identity;

    @Mutation
    @RolesAllowed("planner")
    @Description("Stores a scenario: proposed institutions, closed or resized ones, new estates. A new name takes no "
            + "version; replacing a stored scenario takes the version read before the edit (CONFLICT when someone saved "
            + "in between). The base data is never changed; every coverage, gap and indicator query takes the "
            + "scenario's name as parameters.scenario.")
    public @NonNull ScenarioPayload saveScenario(@NonNull ScenarioInput input, Integer version) {
        return UserError.payload(() -> ScenarioComparison.Summary.of(scenarios.save(input, version, login())), ScenarioPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Renames a stored scenario, at the version read before (CONFLICT when someone saved in between or the "
            + "new name is taken); queries then take the new name")
    public @NonNull ScenarioPayload renameScenario(@NonNull String name, @NonNull String newName, int version) {
        return UserError.payload(() -> ScenarioComparison.Summary.of(scenarios.rename(name, newName, version, login())),
                ScenarioPayload::new);
    }

    private String login() {
        return identity.getPrincipal().getName();
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull DeletionPayload deleteScenario(@NonNull String name) {
        return UserError.payload(() -> scenarios.delete(name), DeletionPayload::new);
    }

    @Query
    @Description("Stored scenarios in name order, a page at a time; savedBy lists one planner's own")
    public @NonNull ScenarioConnection scenarios(@Description(Paging.FIRST) Integer first,
                                                 @Description(Paging.AFTER) String after,
                                                 @Description(Paging.LAST) Integer last,
                                                 @Description(Paging.BEFORE) String before,
                                                 @Description("Only scenarios this login saved last") String savedBy) {
        Violations violations = new Violations();
        violations.optionalText(savedBy, "savedBy", 100);
        violations.throwIfAny();
        return ScenarioConnection.of(paging.request(first, after, last, before).page(scenarios.list(savedBy).stream()
                .map(ScenarioComparison.Summary::of).toList(), ScenarioComparison.Summary::name, Function.identity()));
    }

    @Query
    @Description("What the scenario changes against today (or against another scenario): children within each limit and "
            + "covered with capacity, every indicator against the target set, and the gap areas before closed, shrunk or grown.")
    public @NonNull CompletionStage<ScenarioComparison> compareScenario(@NonNull String scenario,
                                                                        String against,
                                                                        CoverageParameters parameters,
                                                                        @DefaultValue("CHONGQING_2025") TargetSetId targetSet) {
        return heavyWork.offloaded(() -> {
            CoverageParameters given = parameters == null ? CoverageParameters.DEFAULT : parameters;
            Violations violations = new Violations();
            violations.optionalText(against, "against", 100);
            Coverage.Settings baseSettings = coverage.settings(given.withScenario(against), violations);
            Coverage.Settings scenarioSettings = coverage.settings(given.withScenario(scenario), violations);
            violations.throwIfAny();
            if (against != null) {
                // said of this argument, not of the parameters' scenario the analysis would name
                scenarios.find(against, "against");
            }
            Coverage before = coverage.coverage(baseSettings);
            Coverage after = coverage.coverage(scenarioSettings);
            int all = before.overall();
            List<ScenarioComparison.LimitChange> limits = new ArrayList<>();
            for (int l = 0; l < baseSettings.minutes().size(); l++) {
                double withinBefore = before.sums().childrenWithin[l][all], withinAfter = after.sums().childrenWithin[l][all];
                double childrenWantingPlaceCoveredBefore = before.sums().demandCovered[l][all], childrenWantingPlaceCoveredAfter = after.sums().demandCovered[l][all];
                limits.add(new ScenarioComparison.LimitChange(baseSettings.minutes().get(l), round(withinBefore),
                        round(withinAfter), round(withinAfter - withinBefore), round(childrenWantingPlaceCoveredBefore), round(childrenWantingPlaceCoveredAfter),
                        round(childrenWantingPlaceCoveredAfter - childrenWantingPlaceCoveredBefore)));
            }
            // an explicit null means the default, as an omitted argument does
            String targets = (targetSet == null ? TargetSetId.CHONGQING_2025 : targetSet).name();
            return new ScenarioComparison(scenario, against, limits, indicatorChanges(given, scenario, against, targets),
                    gapChange(before, after));
        });
    }

    private List<ScenarioComparison.IndicatorChange> indicatorChanges(CoverageParameters given, String scenario,
                                                                      String against, String targetSet) {
        CoverageParameters indicatorParameters = given.withMinutes(null);
        IndicatorViews.AreaIndicators before = indicators.indicators(targetSet, indicatorParameters.withScenario(against),
                null, null).areas().get(0);
        IndicatorViews.AreaIndicators after = indicators.indicators(targetSet, indicatorParameters.withScenario(scenario),
                null, null).areas().get(0);
        List<ScenarioComparison.IndicatorChange> changes = new ArrayList<>();
        for (int i = 0; i < before.indicators().size(); i++) {
            IndicatorViews.IndicatorView was = before.indicators().get(i), is = after.indicators().get(i);
            changes.add(new ScenarioComparison.IndicatorChange(was.indicator(), was.value(), is.value(),
                    was.target(), was.met(), is.met(), is.gap()));
        }
        return changes;
    }

    /**
     * The gaps before (today's, or the other scenario's) at the longest limit, and how many children of each are still
     * outside with the scenario.
     */
    private static ScenarioComparison.GapChange gapChange(Coverage before, Coverage after) {
        int limit = before.settings().minutes().size() - 1;
        List<GapAreas.Gap> was = CoverageReports.gapsOf(before, limit, false);
        int closed = 0, shrunk = 0, grown = 0;
        for (GapAreas.Gap gap : was) {
            double left = 0;
            for (int cell : gap.cells()) {
                left += after.analysis().within(cell, limit) ? 0 : after.cells().childrenUnder3[cell];
            }
            closed += left <= 1e-3 ? 1 : 0;
            shrunk += left > 1e-3 && left < gap.uncovered() - 1e-3 ? 1 : 0;
            grown += left > gap.uncovered() + 1e-3 ? 1 : 0;
        }
        List<GapAreas.Gap> is = CoverageReports.gapsOf(after, limit, false);
        return new ScenarioComparison.GapChange(before.settings().minutes().get(limit), was.size(), is.size(),
                round(was.stream().mapToDouble(GapAreas.Gap::uncovered).sum()),
                round(is.stream().mapToDouble(GapAreas.Gap::uncovered).sum()), closed, shrunk, grown);
    }

    @Description("The indicator's name")
    public @NonNull String label(@Source ScenarioComparison.IndicatorChange change,
                                 @DefaultValue("ZH") @Description(Language.CHOICE) Language language) {
        return IndicatorWords.name(change.indicator(), Language.orDefault(language));
    }
}
