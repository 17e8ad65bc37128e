package org.carecircle.area;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.ImportPayload;
import org.carecircle.api.Paging;
import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.concurrent.CompletionStage;

@GraphQLApi
public class AreaApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    AreaImport imports;
    @Inject
    AreaService service;
    @Inject
    Paging paging;

    @Query
    @Description("One area by code, or null")
    public AreaView area(@NonNull String code) {
        return service.find(code);
    }

    @Query
    @Description("Areas, optionally of one level and/or directly under one parent, in code order, a page at a time")
    public @NonNull AreaConnection areas(@Description("Only areas of this level") AreaLevel level,
                                         @Description("Only areas directly under the area of this code") String parentCode,
                                         @Description(Paging.FIRST) Integer first,
                                         @Description(Paging.AFTER) String after,
                                         @Description(Paging.LAST) Integer last,
                                         @Description(Paging.BEFORE) String before) {
        return service.list(level, parentCode, paging.request(first, after, last, before));
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull AreaPayload createArea(@NonNull AreaInput input) {
        return UserError.payload(() -> service.create(input), AreaPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Replaces every field of the area with this code; the code itself may change. version is the one "
            + "read before the edit: when someone saved in between, nothing is written and the error's code is CONFLICT.")
    public @NonNull AreaPayload updateArea(@NonNull String code, int version, @NonNull AreaInput input) {
        return UserError.payload(() -> service.update(code, version, input), AreaPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports areas from a GeoJSON FeatureCollection of Polygons or MultiPolygons with properties code, "
            + "name, level, parentCode, residents, residentsYear, source (or 代码, 名称, 级别 (区县/街道/镇/社区), 上级代码, "
            + "常住人口): all or nothing, an existing code is updated; dryRun checks without writing.")
    public @NonNull CompletionStage<ImportPayload> importAreas(@NonNull String content, @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> UserError.payload(() -> imports.importAreas(content, Boolean.TRUE.equals(dryRun)),
                ImportPayload::new));
    }
}
