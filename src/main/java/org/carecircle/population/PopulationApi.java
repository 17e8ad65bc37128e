package org.carecircle.population;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.BoundingBox;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;

@GraphQLApi
public class PopulationApi {
    @Inject
    PopulationService service;

    @Query
    @Description("Population cells intersecting the box, in cellId order; a box holding more than "
            + "carecircle.api.max-cells-per-call cells is refused")
    public @NonNull List<@NonNull PopulationCellView> populationCells(@NonNull BoundingBox boundingBox) {
        return service.inBoundingBox(boundingBox);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Inserts new cells and replaces those whose cellId exists; all or nothing")
    public @NonNull UpsertResult upsertPopulationCells(@NonNull List<@NonNull PopulationCellInput> cells) {
        return service.upsert(cells);
    }
}
