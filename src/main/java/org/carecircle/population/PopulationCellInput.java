package org.carecircle.population;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PopulationCellInput")
@Description("One grid cell; an existing cell with the same cellId is replaced.")
public record PopulationCellInput(
        @NonNull String cellId,
        @NonNull @Description("GeoJSON Polygon, WGS84") JsonObject boundary,
        @NonNull Double residents,
        @NonNull @Description("Children under 3, at most residents") Double childrenUnder3,
        String source,
        Integer year,
        @Description("True when derived (from buildings, from totals); then estimationMethod is required") Boolean estimated,
        String estimationMethod) {
}
