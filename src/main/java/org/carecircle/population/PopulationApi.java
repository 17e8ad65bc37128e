package org.carecircle.population;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.CoordinateSystem;
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

import java.util.List;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class PopulationApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    PopulationService service;
    @Inject
    Paging paging;
    @Inject
    CellImport imports;

    @Query
    @Description("Population cells intersecting the box, in cellId order, a page at a time")
    public @NonNull PopulationCellConnection populationCells(@NonNull BoundingBox boundingBox,
                                                             @Description(Paging.FIRST) Integer first,
                                                             @Description(Paging.AFTER) String after,
                                                             @Description(Paging.LAST) Integer last,
                                                             @Description(Paging.BEFORE) String before) {
        return service.inBoundingBox(boundingBox, paging.request(first, after, last, before));
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Inserts new cells and replaces those whose cellId exists; all or nothing")
    public @NonNull CompletionStage<PopulationCellsPayload> upsertPopulationCells(
            @NonNull List<@NonNull PopulationCellInput> cells) {
        return heavyWork.offloaded(() -> UserError.payload(() -> service.upsert(cells), PopulationCellsPayload::new));
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports a population grid from CSV: cellId, a WKT polygon (wkt) or a centre (longitude, latitude; "
            + "then a square of cellMetres, default 100), residents, childrenUnder3, and optionally source, year, "
            + "estimated, estimationMethod (Chinese names accepted). All or nothing; dryRun checks without writing.")
    public @NonNull CompletionStage<ImportPayload> importPopulationCells(@NonNull String content,
                                                       @DefaultValue("WGS84") CoordinateSystem coordinates,
                                                       Double cellMetres, @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> UserError.payload(() -> imports.importCsv(content, coordinates, cellMetres,
                Boolean.TRUE.equals(dryRun)), ImportPayload::new));
    }
}
