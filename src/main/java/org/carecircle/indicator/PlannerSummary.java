package org.carecircle.indicator;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.carecircle.api.AskedLanguage;
import org.carecircle.api.Language;
import org.carecircle.api.PageRequest;
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
 * without and with capacity, the five largest gap areas, and the top-level areas' indicators, in Chinese or
 * English ({@code ?language=zh|en}, else Accept-Language, else Chinese).
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
                          @QueryParam("scenario") String scenario, @BeanParam AskedLanguage asked) {
        Language words = asked.language();
        // every figure below from the same parameters: the base, or the scenario asked for (it was once ignored)
        CoverageParameters parameters = CoverageParameters.DEFAULT.withScenario(scenario);
        Coverage analysis = coverage.coverage(parameters);
        CoverageViews.Report report = CoverageReports.report(analysis, null);
        CoverageViews.AreaCoverage all = report.overall();
        StringBuilder text = new StringBuilder();
        line(text, words.pick("CareCircle 规划摘要%s%s", "CareCircle planner's summary%s%s"),
                scenario == null ? "" : words.pick("（方案“" + scenario + "”）", " of scenario \"" + scenario + "\""),
                report.populationEstimated() ? words.pick("（人口为估算值，见各网格的估算方法）",
                        " (population estimated: see each cell's estimationMethod)") : "");
        line(text, words.pick("  计入 %d 家托育机构（运营中、向社会开放），%d 个网格，常住人口 %.0f，3岁以下婴幼儿 %.0f，"
                        + "其中有入托需求 %.0f 名（入托意愿 %.0f %%）", "  %d institutions counted (operating, open to the "
                        + "public), %d cells, %.0f residents, %.0f children under 3, %.0f of them wanting a place (take-up %.0f %%)"),
                report.institutionsCounted(), report.cells(), all.residents(), all.childrenUnder3(),
                all.childrenWantingPlace(), report.takeUpRate() * 100);
        // one figure, one definition: the headline counts every cell, each area's indicators only the cells inside it
        line(text, words.pick("步行速度 %.1f 公里/小时（全部 %d 个网格，无论是否在区域内）：",
                "Walking on foot at %.1f km/h (all %d cells, inside an area or not):"), report.speedKmh(), report.cells());
        for (CoverageViews.LimitCoverage limit : all.limits()) {
            line(text, words.pick("  %2.0f 分钟：%.0f 名3岁以下婴幼儿在范围内（%s）；含托位：%.0f / %.0f 名有入托需求的婴幼儿"
                            + "获得托位（%s）", "  %2.0f minutes: %.0f children under 3 within (%s); with capacity %.0f of "
                            + "%.0f children wanting a place get one (%s)"), limit.minutes(), limit.childrenWithin(),
                    percent(limit.childrenWithinShare(), words), limit.childrenWantingPlaceCovered(),
                    all.childrenWantingPlace(), percent(limit.childrenWantingPlaceCoveredShare(), words));
        }
        CoverageViews.GapReport gaps = coverage.gaps(parameters, 15.0, false, new PageRequest(5, false, null, null));
        line(text, words.pick("最大的覆盖缺口（15分钟，范围外的3岁以下婴幼儿；共 %d 处）：",
                "Largest gap areas (15 minutes, children under 3 outside; %d gap areas in all):"), gaps.gaps().totalCount());
        for (CoverageViews.GapArea gap : gaps.gaps().nodes()) {
            line(text, words.pick("  %d. %s，约东经 %.5f、北纬 %.5f：%.0f 名婴幼儿，%d 个网格，%s",
                            "  %d. %s, around %.5f E %.5f N: %.0f children in %d cells, %s"),
                    gap.rank(), gap.area() == null ? words.pick("不在任何区域内", "outside every area") : gap.area().name(),
                    gap.location().getJsonArray("coordinates").getJsonNumber(0).doubleValue(),
                    gap.location().getJsonArray("coordinates").getJsonNumber(1).doubleValue(),
                    gap.childrenUncovered(), gap.cells(),
                    gap.meanMinutesToNearest() == null ? words.pick("无可达的托育机构", "no institution reachable")
                            : String.format(Locale.ROOT, words.pick("平均步行 %.1f 分钟到最近的机构",
                            "%.1f minutes to the nearest institution on average"), gap.meanMinutesToNearest()));
        }
        IndicatorViews.Report byArea = indicators.indicators(targetSet, parameters, AreaLevel.DISTRICT, null);
        for (IndicatorViews.AreaIndicators area : byArea.areas()) {
            line(text, words.pick("%s 的指标，对照%s（仅计 %s 内的网格）：", "Indicators of %s against %s (the cells inside %s only):"),
                    area.area().name(), byArea.targetSet().name(words), area.area().name());
            for (IndicatorViews.IndicatorView value : area.indicators()) {
                if (value.target() == null && value.indicator() != Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE) {
                    continue;
                }
                line(text, words.pick("  %s：%s%s%s%s", "  %s: %s%s%s%s"), IndicatorWords.name(value.indicator(), words),
                        number(value, words), value.target() == null ? "" : String.format(Locale.ROOT,
                                words.pick("（目标 %s）", " (target %s)"), target(value, words)),
                        value.met() == null ? "" : value.met() ? words.pick("，达标", ", met")
                                : words.pick("，未达标：", ", not met: ") + value.gap().text(words),
                        value.estimated() ? words.pick("［估算］", " [estimated]") : "");
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String format, Object... figures) {
        text.append(String.format(Locale.ROOT, format, figures)).append('\n');
    }

    private static String percent(Double share, Language words) {
        return share == null ? words.pick("无", "n/a") : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String number(IndicatorViews.IndicatorView value, Language words) {
        if (value.value() == null) {
            return words.pick("无", "n/a");
        }
        return value.indicator() == Indicator.SLOTS_PER_THOUSAND_RESIDENTS
                ? String.format(Locale.ROOT, "%.2f", value.value()) : percent(value.value(), words);
    }

    private static String target(IndicatorViews.IndicatorView value, Language words) {
        String figure = value.indicator() == Indicator.SLOTS_PER_THOUSAND_RESIDENTS
                ? String.format(Locale.ROOT, "%.1f", value.target()) : percent(value.target(), words);
        return (value.strict() ? words.pick("高于 ", "more than ") : "") + figure;
    }
}
