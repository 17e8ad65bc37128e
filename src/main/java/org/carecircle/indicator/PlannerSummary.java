package org.carecircle.indicator;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.carecircle.area.AreaLevel;
import org.carecircle.coverage.Coverage;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.coverage.CoverageReports;
import org.carecircle.coverage.CoverageService;
import org.carecircle.coverage.CoverageViews;
import org.carecircle.engine.indicator.Indicator;

import java.util.Locale;

/**
 * The planner's summary as plain text, what the main job prints: coverage at 5 and 15 minutes
 * without and with capacity, the five largest gap areas, and the top-level areas' indicators.
 */
@Path("/summary.txt")
public class PlannerSummary {
    @Inject
    CoverageService coverage;
    @Inject
    IndicatorService indicators;

    @GET
    @Produces("text/plain; charset=UTF-8")
    public String summary(@QueryParam("targetSet") @DefaultValue("CHONGQING_2025") String targetSet,
                          @QueryParam("scenario") String scenario) {
        // every figure below from the same parameters: the base, or the scenario asked for (it was once ignored)
        CoverageParameters parameters = CoverageParameters.DEFAULT.withScenario(scenario);
        Coverage analysis = coverage.coverage(parameters);
        CoverageViews.Report report = CoverageReports.report(analysis, null);
        CoverageViews.AreaCoverage all = report.overall();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "CareCircle planner's summary%s%s%n",
                scenario == null ? "" : " of scenario \"" + scenario + "\"",
                report.populationEstimated() ? " (population estimated: see each cell's estimationMethod)" : ""));
        text.append(String.format(Locale.ROOT, "  %d institutions counted (operating, open to the public), %d cells, "
                        + "%.0f residents, %.0f children under 3, %.0f of them wanting a place (take-up %.0f %%)%n",
                report.institutionsCounted(), report.cells(), all.residents(), all.childrenUnder3(),
                all.childrenWantingPlace(), report.takeUpRate() * 100));
        // one figure, one definition: the headline counts every cell, each area's indicators only the cells inside it
        text.append(String.format(Locale.ROOT, "Walking on foot at %.1f km/h (all %d cells, inside an area or not):%n",
                report.speedKmh(), report.cells()));
        for (CoverageViews.LimitCoverage limit : all.limits()) {
            text.append(String.format(Locale.ROOT, "  %2.0f minutes: %.0f children under 3 within (%s); with capacity "
                            + "%.0f of %.0f children wanting a place get one (%s)%n", limit.minutes(), limit.childrenWithin(),
                    percent(limit.childrenWithinShare()), limit.childrenWantingPlaceCovered(), all.childrenWantingPlace(),
                    percent(limit.childrenWantingPlaceCoveredShare())));
        }
        CoverageViews.GapReport gaps = coverage.gaps(parameters, 15.0, false, 5);
        text.append(String.format(Locale.ROOT, "Largest gap areas (15 minutes, children under 3 outside; %d gap areas in all):%n",
                gaps.gapCount()));
        for (CoverageViews.GapArea gap : gaps.gaps()) {
            text.append(String.format(Locale.ROOT, "  %d. %s, around %.5f E %.5f N: %.0f children in %d cells, %s%n",
                    gap.rank(), gap.area() == null ? "outside every area" : gap.area().name(),
                    gap.location().getJsonArray("coordinates").getJsonNumber(0).doubleValue(),
                    gap.location().getJsonArray("coordinates").getJsonNumber(1).doubleValue(),
                    gap.childrenUncovered(), gap.cells(),
                    gap.meanMinutesToNearest() == null ? "no institution reachable"
                            : String.format(Locale.ROOT, "%.1f minutes to the nearest institution on average",
                            gap.meanMinutesToNearest())));
        }
        IndicatorViews.Report byArea = indicators.indicators(targetSet, parameters, AreaLevel.DISTRICT, null);
        for (IndicatorViews.AreaIndicators area : byArea.areas()) {
            text.append(String.format(Locale.ROOT, "Indicators of %s against %s (the cells inside %s only):%n",
                    area.area().name(), byArea.targetSet().name(), area.area().name()));
            for (IndicatorViews.IndicatorView value : area.indicators()) {
                if (value.target() == null && value.indicator() != Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE) {
                    continue;
                }
                text.append(String.format(Locale.ROOT, "  %s: %s%s%s%s%n", value.label(), number(value),
                        value.target() == null ? "" : String.format(Locale.ROOT, " (target %s)", target(value)),
                        value.met() == null ? "" : value.met() ? ", met" : ", not met: " + value.gap(),
                        value.estimated() ? " [estimated]" : ""));
            }
        }
        return text.toString();
    }

    private static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String number(IndicatorViews.IndicatorView value) {
        if (value.value() == null) {
            return "n/a";
        }
        return value.indicator() == Indicator.SLOTS_PER_THOUSAND_RESIDENTS
                ? String.format(Locale.ROOT, "%.2f", value.value()) : percent(value.value());
    }

    private static String target(IndicatorViews.IndicatorView value) {
        String figure = value.indicator() == Indicator.SLOTS_PER_THOUSAND_RESIDENTS
                ? String.format(Locale.ROOT, "%.1f", value.target()) : percent(value.target());
        return (value.strict() ? "more than " : "") + figure;
    }
}
