package org.carecircle.planning;

import jakarta.json.JsonObject;
import org.carecircle.api.Node;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.indicator.IndicatorViews;
import org.carecircle.institution.ClassGroupInput;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.Ownership;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What a scenario changes against today or another scenario (before), for the whole dataset. */
@Type("ScenarioComparison")
public record ScenarioComparison(@NonNull String scenario, String against, @NonNull List<@NonNull LimitChange> limits,
                                 @NonNull List<@NonNull IndicatorChange> indicators, @NonNull GapChange gaps) {

    @Type("LimitChange")
    @Description("Children under 3 within the limit (without capacity) and children wanting a place covered (with capacity)")
    public record LimitChange(double minutes, double childrenWithinBefore, double childrenWithinAfter,
                              double childrenNewlyWithin, double childrenWantingPlaceCoveredBefore, double childrenWantingPlaceCoveredAfter,
                              double childrenNewlyCovered) {
    }

    @Type("IndicatorChange")
    public record IndicatorChange(@NonNull Indicator indicator, Double before, Double after,
                                  Double target, Boolean metBefore, Boolean metAfter, IndicatorViews.Gap gapAfter) {
    }

    @Type("GapChange")
    @Description("The gap areas before (today's, or the scenario compared with) at the longest limit (children under 3 outside it) "
            + "and what the scenario leaves of them")
    public record GapChange(double minutes, int gapsBefore, int gapsAfter, double childrenOutsideBefore,
                            double childrenOutsideAfter,
                            @Description("Gap areas before with no child left outside") int closed,
                            @Description("Gap areas before with fewer children outside") int shrunk,
                            @Description("Gap areas before with more (new homes)") int grown) {
    }

    /** A proposed institution as the scenario holds it, to draw and edit it again. */
    @Type("ProposedSite")
    public record ProposedSite(@NonNull String name, @NonNull JsonObject location, @NonNull Ownership ownership,
                               @NonNull InstitutionKind kind, boolean inclusive, int slots) {
    }

    @Type("Scenario")
    public record Summary(@NonNull String name, String description,
                          @Description("Raised by every save; saveScenario takes it to replace this scenario") int version,
                          int proposed, int closed, int resized, int estates, String savedBy,
                          @NonNull List<@NonNull ProposedSite> proposedSites) implements Node {
        @Override
        @Id
        @NonNull
        @Description(ID)
        public String getId() {
            return SCENARIO + name;
        }

        public static Summary of(ScenarioService.Stored stored) {
            ScenarioInput input = stored.input();
            List<ProposedSite> sites = input.proposed() == null ? List.of() : input.proposed().stream().map(p -> new ProposedSite(
                    p.name(), p.location(), p.ownership(), p.kind(), Boolean.TRUE.equals(p.inclusive()),
                    p.classGroups().stream().mapToInt(ClassGroupInput::slots).sum())).toList();
            return new Summary(input.name(), input.description(), stored.version(), size(input.proposed()),
                    size(input.closed()), size(input.resized()), size(input.estates()), stored.savedBy(), sites);
        }

        private static int size(List<?> list) {
            return list == null ? 0 : list.size();
        }
    }
}
