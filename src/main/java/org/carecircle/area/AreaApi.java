package org.carecircle.area;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.institution.InstitutionStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

@GraphQLApi
public class AreaApi {
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

    @Description("Slots, enrolled and population in the area; status limits the institutions counted (default: all)")
    public @NonNull AreaTotals totals(@Source AreaView area, List<InstitutionStatus> status) {
        return service.totals(area.id(), status);
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull AreaView createArea(@NonNull AreaInput input) {
        return service.create(input);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Replaces every field of the area with this code; the code itself may change")
    public @NonNull AreaView updateArea(@NonNull String code, @NonNull AreaInput input) {
        return service.update(code, input);
    }
}
