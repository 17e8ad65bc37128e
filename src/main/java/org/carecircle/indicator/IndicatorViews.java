package org.carecircle.indicator;

import org.carecircle.api.Decimals;
import org.carecircle.area.AreaRef;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.engine.indicator.IndicatorValue;
import org.carecircle.engine.indicator.TargetSet;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What indicator answers look like to GraphQL clients and exports. */
public final class IndicatorViews {
    private IndicatorViews() {
    }

    @Type("IndicatorReport")
    public record Report(@NonNull TargetSetView targetSet, @NonNull List<@NonNull AreaIndicators> areas) {
    }

    @Type("AreaIndicators")
    @Description("One area's indicators; area is null for the whole dataset")
    public record AreaIndicators(AreaRef area,
                                 @Description("Residents: the area's published figure, or the grid's sum (estimated)")
                                 double residents, boolean residentsEstimated,
                                 @NonNull List<@NonNull IndicatorView> indicators) {
    }

    @Type("IndicatorValue")
    public record IndicatorView(@NonNull Indicator indicator, @NonNull String label, @NonNull String definition,
                                @Description("Null when there is nothing to divide by") Double value,
                                double numerator, double denominator, Double target,
                                @Description("True if the target asks for more than the value, not at least") boolean strict,
                                Boolean met, @Description("What closes the gap, in a planner's terms") String gap,
                                boolean estimated, String note) {
        static IndicatorView of(IndicatorValue value, TargetSet set) {
            TargetSet.Target target = set.targets().get(value.indicator());
            return new IndicatorView(value.indicator(), value.indicator().label, value.indicator().definition,
                    value.value() == null ? null : Decimals.round(value.value(), 6), value.numerator(),
                    value.denominator(), value.target(), target != null && target.strict(), value.met(), value.gap(),
                    value.estimated(), value.note());
        }
    }

    @Type("TargetSet")
    public record TargetSetView(@NonNull String id, @NonNull String name, @NonNull String source,
                                @NonNull List<@NonNull TargetView> targets) {
        static TargetSetView of(TargetSet set) {
            return new TargetSetView(set.id(), set.name(), set.source(), set.targets().entrySet().stream()
                    .map(e -> new TargetView(e.getKey(), e.getValue().value(), e.getValue().strict(), e.getValue().note()))
                    .toList());
        }
    }

    @Type("Target")
    public record TargetView(@NonNull Indicator indicator, double value, boolean strict, String note) {
    }
}
