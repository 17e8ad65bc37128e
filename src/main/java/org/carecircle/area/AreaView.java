package org.carecircle.area;

import jakarta.json.JsonObject;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Area")
@Description("An administrative area (district, subdistrict, town or community).")
public record AreaView(
        long id, @Description("Raised by every save; updateArea takes the version it edits") int version,
        @NonNull String code, @NonNull String name, @NonNull AreaLevel level, AreaRef parent,
        @NonNull @Description("GeoJSON MultiPolygon") JsonObject boundary,
        Integer residents, Integer residentsYear, String source, boolean estimated, String estimationMethod)
        implements Node {

    @Override
    @Id
    @NonNull
    @Description(ID)
    public String getId() {
        return AREA + id;
    }

    public static AreaView of(Area area) {
        return new AreaView(area.id, area.version, area.code, area.name, area.level, AreaRef.of(area.parent),
                GeoJson.write(area.boundary), area.residents, area.residentsYear, area.source,
                area.estimated, area.estimationMethod);
    }
}
