package org.carecircle.indicator;

import jakarta.inject.Inject;
import org.carecircle.area.AreaLevel;
import org.carecircle.coverage.CoverageParameters;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

@GraphQLApi
public class IndicatorApi {
    @Inject
    IndicatorService service;

    @Query
    @Description("Policy indicators against a target set (see targetSets): for the whole dataset and every area, or "
            + "only areas of one level, or one area. Each gives its value, the target, met or not, and the gap.")
    public IndicatorViews.@NonNull Report indicators(@NonNull String targetSet, CoverageParameters parameters,
                                                     AreaLevel level, String areaCode) {
        return service.indicators(targetSet, parameters, level, areaCode);
    }

    @Query
    @Description("The policy target sets an indicator request may pick, with their sources")
    public @NonNull List<IndicatorViews.@NonNull TargetSetView> targetSets() {
        return service.targetSets().stream().map(IndicatorViews.TargetSetView::of).toList();
    }
}
