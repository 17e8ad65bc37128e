package org.carecircle.institution;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("InstitutionInput")
@Description("A childcare institution with its class groups. Updates replace every field; omitted optional fields take their defaults.")
public record InstitutionInput(
        @NonNull String name,
        String address,
        @NonNull @Description("GeoJSON Point, WGS84 [longitude, latitude]") JsonObject location,
        @NonNull Ownership ownership,
        @NonNull InstitutionKind kind,
        @Description("普惠性: price-capped provision (default false)") Boolean inclusive,
        @Description("备案: filed with the health commission (default false)") Boolean registered,
        @Description("等级: 1 (highest) to 3, or null when ungraded") Integer grade,
        @Description("Default NONE") Demonstration demonstration,
        @Description("False for employer sites that serve their staff only (default true)") Boolean openToPublic,
        @Description("Default OPERATING") InstitutionStatus status,
        List<ServiceMode> serviceModes,
        List<ClassGroupInput> classGroups,
        @Description("The register's own id; unique") String externalId,
        String source,
        @Description("True when the record or its slots were derived; then estimationMethod is required") Boolean estimated,
        String estimationMethod) {
}
