package org.carecircle.institution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.DeletionPayload;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.ImportPayload;
import org.carecircle.api.Paging;
import org.carecircle.api.UserError;
import org.carecircle.area.AreaView;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class InstitutionApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    InstitutionService service;
    @Inject
    Paging paging;
    @Inject
    RegisterImport registers;
    @Inject
    AreaTotalsService areaTotals;

    @Query
    @Description("One institution by id, or null")
    public InstitutionView institution(@NonNull @Id long id) {
        return service.find(id);
    }

    @Query
    @Description("Institutions matching a filter, in id order, a page at a time")
    public @NonNull InstitutionConnection institutions(InstitutionFilter filter, @Description(Paging.FIRST) Integer first,
                                                       @Description(Paging.AFTER) String after,
                                                       @Description(Paging.LAST) Integer last,
                                                       @Description(Paging.BEFORE) String before) {
        return service.search(filter, paging.request(first, after, last, before));
    }

    @Description("Institutions located inside this area, in id order, a page at a time")
    public @NonNull InstitutionConnection institutions(@Source AreaView area,
                                                       @Description("Only institutions of these statuses (default: all)")
                                                       List<InstitutionStatus> status,
                                                       @Description(Paging.FIRST) Integer first,
                                                       @Description(Paging.AFTER) String after,
                                                       @Description(Paging.LAST) Integer last,
                                                       @Description(Paging.BEFORE) String before) {
        return service.search(new InstitutionFilter(null, area.code(), null, null, null, status),
                paging.request(first, after, last, before));
    }

    @Description("Slots, enrolled and population in the area; status limits the institutions counted (default: all)")
    public @NonNull AreaTotals totals(@Source AreaView area, List<InstitutionStatus> status) {
        return areaTotals.totals(area.id(), status);
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull InstitutionPayload createInstitution(@NonNull InstitutionInput input) {
        return UserError.payload(() -> service.create(input), InstitutionPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Replaces every field of the institution and its class groups. version is the one read before the "
            + "edit: when someone saved in between, nothing is written and the error's code is CONFLICT.")
    public @NonNull InstitutionPayload updateInstitution(@NonNull @Id long id, int version, @NonNull InstitutionInput input) {
        return UserError.payload(() -> service.update(id, version, input), InstitutionPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Deletes the institution and its class groups; true when done")
    public @NonNull DeletionPayload deleteInstitution(@NonNull @Id long id) {
        return UserError.payload(() -> service.delete(id), DeletionPayload::new);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports an institution register (CSV with a header row, English or Chinese column names, or a GeoJSON "
            + "FeatureCollection of points), all or nothing: a record with a known externalId updates that institution, "
            + "the others are inserted. Every bad value is reported with its line and column. dryRun checks and counts "
            + "without writing.")
    public @NonNull CompletionStage<ImportPayload> importInstitutions(@NonNull String content,
                                                                      @DefaultValue("CSV") RegisterFormat format,
                                                                      @DefaultValue("WGS84") CoordinateSystem coordinates,
                                                                      @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> UserError.payload(() -> registers.importRegister(content, format, coordinates,
                Boolean.TRUE.equals(dryRun)), ImportPayload::new));
    }
}
