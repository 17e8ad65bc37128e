package org.carecircle.network;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violations;
import org.carecircle.engine.network.WalkingNetwork;

/**
 * The walkable streets of the loaded extract as GeoJSON lines: the map's base layer, so the page
 * is readable with no tile server (none is reachable offline).
 */
@Path("/map/streets.geojson")
public class StreetsExport {
    static final int MAX_EDGES = 50_000;

    @Inject
    NetworkService networks;
    @Inject
    ApiLimits limits;

    @GET
    @Produces("application/geo+json")
    public String streets(@QueryParam("west") Double west, @QueryParam("south") Double south,
                          @QueryParam("east") Double east, @QueryParam("north") Double north) {
        if (west == null || south == null || east == null || north == null) {
            throw new InvalidInputException("boundingBox", "give west, south, east and north");
        }
        Violations violations = new Violations();
        new BoundingBox(west, south, east, north).validate("boundingBox", limits.maxBoundingBoxDegrees(), violations);
        violations.throwIfAny();
        WalkingNetwork network = networks.require().network();
        var features = GeoJson.JSON.createArrayBuilder();
        int[] count = {0};
        network.edgeGrid().query(west, south, east, north, edge -> {
            if (count[0] >= MAX_EDGES || !network.edgeTouches(edge, west, south, east, north)) {
                return;
            }
            double[] line = network.edgeLine(edge);
            var coordinates = GeoJson.JSON.createArrayBuilder();
            for (int k = 0; k < line.length; k += 2) {
                coordinates.add(GeoJson.JSON.createArrayBuilder().add(Decimals.round(line[k], 6)).add(Decimals.round(line[k + 1], 6)));
            }
            features.add(GeoJson.JSON.createObjectBuilder().add("type", "Feature")
                    .add("geometry", GeoJson.JSON.createObjectBuilder().add("type", "LineString").add("coordinates", coordinates))
                    .add("properties", GeoJson.JSON.createObjectBuilder().add("steps", network.isSteps(edge))));
            count[0]++;
        });
        return GeoJson.JSON.createObjectBuilder().add("type", "FeatureCollection").add("features", features).build().toString();
    }
}
