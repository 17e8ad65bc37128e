package org.carecircle.planning;

import org.carecircle.engine.indicator.Indicator;
import org.carecircle.api.Node;
import org.carecircle.indicator.IndicatorViews;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What a scenario changes against the base, for the whole dataset. */
@Type("ScenarioComparison")
public record ScenarioComparison(@NonNull String scenario, @NonNull List<@NonNull LimitChange> limits,
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
    @Description("The base's gap areas at the longest limit (children under 3 outside it) and what the scenario leaves of them")
    public record GapChange(double minutes, int gapsBefore, int gapsAfter, double childrenOutsideBefore,
                            double childrenOutsideAfter,
                            @Description("Base gap areas with no child left outside") int closed,
                            @Description("Base gap areas with fewer children outside") int shrunk,
                            @Description("Base gap areas with more (new homes)") int grown) {
    }

    @Type("Scenario")
    public record Summary(@NonNull String name, String description,
                          @Description("Raised by every save; saveScenario takes it to replace this scenario") int version,
                          int proposed, int closed, int resized, int estates) implements Node {
        @Override
        @Id
        @NonNull
        @Description(ID)
        public String getId() {
            return SCENARIO + name;
        }

        public static Summary of(ScenarioService.Stored stored) {
            ScenarioInput input = stored.input();
            return new Summary(input.name(), input.description(), stored.version(), size(input.proposed()),
                    size(input.closed()), size(input.resized()), size(input.estates()));
        }

        private static int size(List<?> list) {
            return list == null ? 0 : list.size();
        }
    }
}
