package org.carecircle.indicator;

import org.carecircle.api.Decimals;
import org.carecircle.api.Language;
import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.carecircle.area.AreaRef;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.engine.indicator.IndicatorValue;
import org.carecircle.engine.indicator.TargetSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What indicator answers look like to GraphQL clients and exports. */
public final class IndicatorViews {
    private IndicatorViews() {
    }

    @Type("IndicatorReport")
    public record Report(@NonNull TargetSetView targetSet, @Ignore List<AreaIndicators> areas) {
    }

    @Type("AreaIndicatorsConnection")
    @Description("A page of areas' indicators: the whole dataset first when reported, then the areas in code order "
            + "(Relay cursor connection)")
    public record AreaIndicatorsConnection(@NonNull List<@NonNull AreaIndicatorsEdge> edges,
                                           @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                           List<@NonNull AreaIndicators> nodes,
                                           @NonNull PageInfo pageInfo,
                                           @Description("Entries reported, across all pages") int totalCount) {
        static AreaIndicatorsConnection of(Page<AreaIndicators> page) {
            return new AreaIndicatorsConnection(page.edges(AreaIndicatorsEdge::new), page.nodes(), page.pageInfo(),
                    page.totalCount());
        }
    }

    @Type("AreaIndicatorsEdge")
    @Description("An area's indicators and the cursor that pages from it")
    public record AreaIndicatorsEdge(@NonNull @Description("Pass as after or before to page from this entry") String cursor,
                                     @NonNull AreaIndicators node) {
    }

    @Type("AreaIndicators")
    @Description("One area's indicators; area is null for the whole dataset")
    public record AreaIndicators(AreaRef area,
                                 @Description("Residents: the area's published figure, or the grid's sum (estimated)")
                                 double residents, boolean residentsEstimated,
                                 @NonNull List<@NonNull IndicatorView> indicators) {
    }

    @Type("IndicatorValue")
    public record IndicatorView(@NonNull Indicator indicator,
                                @Description("Null when there is nothing to divide by") Double value,
                                double numerator, double denominator, Double target,
                                @Description("True if the target asks for more than the value, not at least") boolean strict,
                                Boolean met, @Description("What closes the gap; null when met or without a target") Gap gap,
                                boolean estimated, String note) {
        static IndicatorView of(IndicatorValue value, TargetSet set) {
            TargetSet.Target target = set.targets().get(value.indicator());
            return new IndicatorView(value.indicator(), value.value() == null ? null : Decimals.round(value.value(), 6),
                    value.numerator(), value.denominator(), value.target(), target != null && target.strict(), value.met(),
                    Gap.of(value), value.estimated(), value.note());
        }
    }

    @Type("IndicatorGap")
    @Description("What closes an indicator's gap: an amount of a unit, the areas still without, and the same in words")
    public record Gap(@Ignore Indicator indicator,
                      @Description("How many more of the unit are needed") int amount,
                      @NonNull @Description("What the amount counts") IndicatorWords.GapUnit unit,
                      @NonNull @Description("Names of the subdistricts and towns still without what the indicator counts "
                              + "(the subdistrict indicators); empty for the others") List<@NonNull String> areasWithout) {
        public static Gap of(IndicatorValue value) {
            return value.gap() == null ? null : new Gap(value.indicator(), Math.toIntExact(value.gap()),
                    IndicatorWords.unit(value.indicator()), value.without());
        }

        /** The gap in words of the language. */
        public String text(Language language) {
            return IndicatorWords.gap(indicator, amount, areasWithout, language);
        }
    }

    @Type("TargetSet")
    public record TargetSetView(@NonNull TargetSetId id, @Ignore String nameZh, @Ignore String nameEn,
                                @NonNull String source, @NonNull List<@NonNull TargetView> targets) {
        static TargetSetView of(TargetSet set) {
            return new TargetSetView(TargetSetId.valueOf(set.id()), set.nameZh(), set.name(), set.source(),
                    set.targets().entrySet().stream().map(e -> new TargetView(e.getKey(), e.getValue().value(),
                            e.getValue().strict(), e.getValue().note())).toList());
        }

        public String name(Language language) {
            return language.pick(nameZh, nameEn);
        }
    }

    @Type("Target")
    public record TargetView(@NonNull Indicator indicator, double value, boolean strict, String note) {
    }
}
