package org.carecircle.indicator;

import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.area.AreaLevel;
import org.carecircle.coverage.CoverageParameters;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class IndicatorApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    IndicatorService service;

    @Query
    @Description("Policy indicators against a target set (see targetSets): for the whole dataset and every area, or "
            + "only areas of one level, or one area. Each gives its value, the target, met or not, and the gap.")
    public @NonNull CompletionStage<IndicatorViews.Report> indicators(@NonNull String targetSet, CoverageParameters parameters,
                                                     AreaLevel level, String areaCode) {
        return heavyWork.offloaded(() -> service.indicators(targetSet, parameters, level, areaCode));
    }

    @Query
    @Description("The policy target sets an indicator request may pick, with their sources")
    public @NonNull List<IndicatorViews.@NonNull TargetSetView> targetSets() {
        return service.targetSets().stream().map(IndicatorViews.TargetSetView::of).toList();
    }
}
