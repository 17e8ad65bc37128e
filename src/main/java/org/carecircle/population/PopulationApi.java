package org.carecircle.population;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.CoordinateSystem;
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
public class PopulationApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    PopulationService service;
    @Inject
    CellImport imports;

    @Query
    @Description("Population cells intersecting the box, in cellId order; a box holding more than "
            + "carecircle.api.max-cells-per-call cells is refused")
    public @NonNull List<@NonNull PopulationCellView> populationCells(@NonNull BoundingBox boundingBox) {
        return service.inBoundingBox(boundingBox);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Inserts new cells and replaces those whose cellId exists; all or nothing")
    public @NonNull CompletionStage<UpsertResult> upsertPopulationCells(@NonNull List<@NonNull PopulationCellInput> cells) {
        return heavyWork.offloaded(() -> service.upsert(cells));
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports a population grid from CSV: cellId, a WKT polygon (wkt) or a centre (longitude, latitude; "
            + "then a square of cellMetres, default 100), residents, childrenUnder3, and optionally source, year, "
            + "estimated, estimationMethod (Chinese names accepted). All or nothing; dryRun checks without writing.")
    public @NonNull CompletionStage<ImportReport> importPopulationCells(@NonNull String content,
                                                       @DefaultValue("WGS84") CoordinateSystem coordinates,
                                                       Double cellMetres, @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> imports.importCsv(content, coordinates, cellMetres, Boolean.TRUE.equals(dryRun)));
    }
}
