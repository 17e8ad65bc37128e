package org.carecircle.institution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.ImportReport;
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
    public @NonNull InstitutionConnection institutions(InstitutionFilter filter,
                                                       @DefaultValue("50") @Description("Page size, 1 to carecircle.api.max-page-size") Integer first,
                                                       @Description("endCursor of the previous page") String after) {
        // an explicit null means the default, as an omitted argument does
        return service.search(filter, first == null ? 50 : first, after);
    }

    @Description("Institutions located inside this area")
    public @NonNull List<@NonNull InstitutionView> institutions(@Source AreaView area, List<InstitutionStatus> status) {
        return service.list(new InstitutionFilter(null, area.code(), null, null, null, status));
    }

    @Description("Slots, enrolled and population in the area; status limits the institutions counted (default: all)")
    public @NonNull AreaTotals totals(@Source AreaView area, List<InstitutionStatus> status) {
        return areaTotals.totals(area.id(), status);
    }

    @Mutation
    @RolesAllowed("planner")
    public @NonNull InstitutionView createInstitution(@NonNull InstitutionInput input) {
        return service.create(input);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Replaces every field of the institution and its class groups. version is the one read before the "
            + "edit: when someone saved in between, nothing is written and the error's code is CONFLICT.")
    public @NonNull InstitutionView updateInstitution(@NonNull @Id long id, int version, @NonNull InstitutionInput input) {
        return service.update(id, version, input);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Deletes the institution and its class groups; true when done")
    public boolean deleteInstitution(@NonNull @Id long id) {
        return service.delete(id);
    }

    @Mutation
    @RolesAllowed("planner")
    @Description("Imports an institution register (CSV with a header row, English or Chinese column names, or a GeoJSON "
            + "FeatureCollection of points), all or nothing: a record with a known externalId updates that institution, "
            + "the others are inserted. Every bad value is reported with its line and column. dryRun checks and counts "
            + "without writing.")
    public @NonNull CompletionStage<ImportReport> importInstitutions(@NonNull String content, @DefaultValue("CSV") RegisterFormat format,
                                                    @DefaultValue("WGS84") CoordinateSystem coordinates,
                                                    @DefaultValue("false") Boolean dryRun) {
        return heavyWork.offloaded(() -> registers.importRegister(content, format, coordinates, Boolean.TRUE.equals(dryRun)));
    }
}
