package org.carecircle.area;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.ImportReport;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class AreaApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    AreaImport imports;
    @Inject
    AreaService service;

    @Query
    @Description("One area by code, or null")
    public AreaView area(@NonNull String code) {
        return service.find(code);
    }

    @Query
    @Description("Areas, optionally of one level and/or directly under one parent, in code order")
    public @NonNull List<@NonNull AreaView> areas(AreaLevel level, String parentCode) {
        return service.list(level, parentCode);
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull AreaView createArea(@NonNull AreaInput input) {
        return service.create(input);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Replaces every field of the area with this code; the code itself may change. version is the one "
            + "read before the edit: when someone saved in between, nothing is written and the error's code is CONFLICT.")
    public @NonNull AreaView updateArea(@NonNull String code, int version, @NonNull AreaInput input) {
        return service.update(code, version, input);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports areas from a GeoJSON FeatureCollection of Polygons or MultiPolygons with properties code, "
            + "name, level, parentCode, residents, residentsYear, source (or 代码, 名称, 级别 (区县/街道/镇/社区), 上级代码, "
            + "常住人口): all or nothing, an existing code is updated; dryRun checks without writing.")
    public @NonNull CompletionStage<ImportReport> importAreas(@NonNull String content, @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> imports.importAreas(content, Boolean.TRUE.equals(dryRun)));
    }
}
