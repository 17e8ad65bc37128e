package org.carecircle.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.Violations;
import org.carecircle.area.AreaLevel;
import org.carecircle.area.AreaRef;
import org.carecircle.coverage.Coverage;
import org.carecircle.coverage.CoverageData;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.coverage.CoverageService;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.indicator.AreaFacts;
import org.carecircle.engine.indicator.IndicatorValue;
import org.carecircle.engine.indicator.TargetSet;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.InstitutionStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Policy indicators per area against a target set. Institution figures count every OPERATING
 * institution; the two walking indicators use the coverage analysis at 5 and 15 minutes with the
 * request's parameters (speed, profile, take-up, capacity, institutions counted).
 */
@ApplicationScoped
public class IndicatorService {
    static final double LARGE_AREA_RESIDENTS = 50_000;
    private static final List<Double> LIMITS = List.of(5.0, 15.0);

    @Inject
    CoverageService coverageService;

    private final Map<String, TargetSet> targetSets = TargetSets.bundled();

    public List<TargetSet> targetSets() {
        return List.copyOf(targetSets.values());
    }

    public IndicatorViews.Report indicators(String targetSetId, CoverageParameters parameters, AreaLevel level,
                                            String areaCode) {
        Violations violations = new Violations();
        TargetSet targets = targetSets.get(targetSetId);
        violations.check(targets != null, "targetSet", "\"" + targetSetId + "\" is not one of " + targetSets.keySet());
        violations.check(parameters == null || parameters.minutes() == null, "parameters.minutes",
                "indicators are defined on 5- and 15-minute walks; leave minutes out");
        CoverageParameters given = parameters == null ? CoverageParameters.DEFAULT : parameters;
        Coverage.Settings settings = coverageService.settings(given.withMinutes(LIMITS), violations);
        violations.throwIfAny();
        Coverage coverage = coverageService.coverage(settings);
        CoverageData.Areas areas = coverage.cells().areas;
        int only = -1;
        if (areaCode != null) {
            only = areas.indexOf(areaCode);
            if (only < 0) {
                throw new NotFoundException("areaCode", "area " + areaCode);
            }
        }
        List<CoverageData.Site> operating = coverage.allSites().stream()
                .filter(site -> site.status() == InstitutionStatus.OPERATING).toList();
        List<IndicatorViews.AreaIndicators> result = new ArrayList<>();
        if (only < 0 && level == null) {
            result.add(view(coverage, operating, coverage.overall(), targets));
        }
        for (int a = 0; a < areas.size(); a++) {
            if ((only < 0 || a == only) && (level == null || areas.level()[a] == level)) {
                result.add(view(coverage, operating, a, targets));
            }
        }
        return new IndicatorViews.Report(IndicatorViews.TargetSetView.of(targets), result);
    }

    private IndicatorViews.AreaIndicators view(Coverage coverage, List<CoverageData.Site> operating, int group,
                                               TargetSet targets) {
        AreaFacts facts = facts(coverage, operating, group);
        CoverageData.Areas areas = coverage.cells().areas;
        return new IndicatorViews.AreaIndicators(group == coverage.overall() ? null
                : new AreaRef(areas.code()[group], areas.name()[group], areas.level()[group]),
                facts.residents(), facts.residentsEstimated(),
                IndicatorValue.evaluate(facts, targets).stream().map(v -> IndicatorViews.IndicatorView.of(v, targets)).toList());
    }

    /** The facts of one area (or of everything, at the overall index). */
    AreaFacts facts(Coverage coverage, List<CoverageData.Site> operating, int group) {
        CoverageData.Areas areas = coverage.cells().areas;
        CoverageAnalysis.Sums sums = coverage.sums();
        boolean everything = group == coverage.overall();
        List<CoverageData.Site> inside = operating.stream()
                .filter(site -> everything || site.area() >= 0 && areas.within(site.area(), group)).toList();
        long slots = 0, inclusive = 0, publicSlots = 0, under2 = 0, enrolled = 0;
        int graded = 0;
        for (CoverageData.Site site : inside) {
            slots += site.slots();
            inclusive += site.inclusive() ? site.slots() : 0;
            publicSlots += site.isPublic() && site.kind() != InstitutionKind.KINDERGARTEN_NURSERY
                    ? site.slots() : 0;
            under2 += site.under2Slots();
            enrolled += site.enrolled();
            graded += site.grade() != null ? 1 : 0;
        }
        List<String> withoutInclusive = new ArrayList<>();
        List<String> withoutInstitution = new ArrayList<>();
        List<String> largeWithoutModel = new ArrayList<>();
        int units = 0, large = 0;
        for (int u = 0; u < areas.size(); u++) {
            boolean unit = areas.level()[u] == AreaLevel.SUBDISTRICT || areas.level()[u] == AreaLevel.TOWN;
            if (!unit || !(everything || areas.within(u, group))) {
                continue;
            }
            units++;
            int unitIndex = u;
            List<CoverageData.Site> there = inside.stream()
                    .filter(site -> site.area() >= 0 && areas.within(site.area(), unitIndex)).toList();
            if (there.stream().noneMatch(CoverageData.Site::inclusive)) {
                withoutInclusive.add(areas.name()[u]);
            }
            if (there.isEmpty()) {
                withoutInstitution.add(areas.name()[u]);
            }
            if (residents(areas, sums, u) >= LARGE_AREA_RESIDENTS) {
                large++;
                if (there.stream().noneMatch(site -> site.isPublic() && site.inclusive() && site.demonstration())) {
                    largeWithoutModel.add(areas.name()[u]);
                }
            }
        }
        boolean published = !everything && areas.residents()[group] != null;
        boolean gridEstimated = coverage.cells().anyEstimated();
        return new AreaFacts(everything ? sums.residents[group] : residents(areas, sums, group),
                !published, sums.childrenUnder3[group], gridEstimated, inside.stream().anyMatch(CoverageData.Site::estimated),
                slots, inclusive, publicSlots, under2, enrolled, inside.size(), graded,
                units, withoutInclusive, withoutInstitution, large, largeWithoutModel,
                sums.populatedCells[group], sums.populatedCellsWithin[0][group],
                sums.demand[group], sums.demandCovered[1][group]);
    }

    /** An area's residents: its published figure, else what the grid holds inside it. */
    private static double residents(CoverageData.Areas areas, CoverageAnalysis.Sums sums, int area) {
        return areas.residents()[area] != null ? areas.residents()[area] : sums.residents[area];
    }
}
