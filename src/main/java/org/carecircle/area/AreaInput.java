package org.carecircle.area;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AreaInput")
@Description("An administrative area. Updates replace every field.")
public record AreaInput(
        @NonNull @Description("Unique code, e.g. the statistical division code 500112001") String code,
        @NonNull String name,
        @NonNull AreaLevel level,
        @Description("Code of the enclosing area, which must be of a higher level") String parentCode,
        @NonNull @Description("GeoJSON Polygon or MultiPolygon, WGS84") JsonObject boundary,
        @Description("Resident population (常住人口), the denominator of per-1,000 indicators") Integer residents,
        Integer residentsYear,
        String source,
        @Description("True when residents were derived rather than published; then estimationMethod is required") Boolean estimated,
        String estimationMethod) {
}
