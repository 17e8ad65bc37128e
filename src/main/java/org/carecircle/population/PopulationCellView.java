package org.carecircle.population;

import jakarta.json.JsonObject;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Node;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PopulationCell")
@Description("One cell of the population grid.")
public record PopulationCellView(
        @NonNull String cellId, @NonNull @Description("GeoJSON Polygon") JsonObject boundary, double residents, double childrenUnder3,
        String source, Integer year, boolean estimated, String estimationMethod) implements Node {

    @Override
    @Id
    @NonNull
    @Description(ID)
    public String getId() {
        return POPULATION_CELL + cellId;
    }

    static PopulationCellView of(PopulationCell cell) {
        return new PopulationCellView(cell.cellId, GeoJson.write(cell.boundary), cell.residents, cell.childrenUnder3,
                cell.source, cell.year, cell.estimated, cell.estimationMethod);
    }
}
