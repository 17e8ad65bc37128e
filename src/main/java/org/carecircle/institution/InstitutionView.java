package org.carecircle.institution;

import jakarta.json.JsonObject;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Node;
import org.carecircle.area.AreaRef;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.Set;

@Type("Institution")
@Description("A childcare institution (托育机构) for children under 3.")
public record InstitutionView(
        long id,
        @Description("Raised by every save; updateInstitution takes the version it edits") int version,
        @NonNull String name, String address,
        @NonNull @Description("GeoJSON Point") JsonObject location,
        @Description("The deepest-level area covering the location, kept up to date by the database") AreaRef area,
        @NonNull Ownership ownership, @NonNull InstitutionKind kind, boolean inclusive, boolean registered, Integer grade,
        @NonNull Demonstration demonstration, boolean openToPublic, @NonNull InstitutionStatus status,
        @NonNull Set<@NonNull ServiceMode> serviceModes,
        @NonNull List<@NonNull ClassGroupView> classGroups,
        @Description("Sum of the class groups' slots") int slots,
        @Description("Sum of the class groups' enrolled children") int enrolled,
        String externalId, String source, boolean estimated, String estimationMethod) implements Node {

    @Override
    @Id
    @NonNull
    @Description(ID)
    public String getId() {
        return String.valueOf(id);
    }

    static InstitutionView of(Institution institution) {
        List<ClassGroupView> groups = institution.classGroups.stream().map(ClassGroupView::of).toList();
        return new InstitutionView(institution.id, institution.version, institution.name, institution.address,
                GeoJson.write(institution.location), AreaRef.of(institution.area),
                institution.ownership, institution.kind, institution.inclusive, institution.registered,
                institution.grade, institution.demonstration, institution.openToPublic, institution.status,
                Set.copyOf(institution.serviceModes), groups,
                groups.stream().mapToInt(ClassGroupView::slots).sum(),
                groups.stream().mapToInt(ClassGroupView::enrolled).sum(),
                institution.externalId, institution.source, institution.estimated, institution.estimationMethod);
    }
}
