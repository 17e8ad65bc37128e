package org.carecircle.tiles;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.carecircle.api.InvalidInputException;
import org.carecircle.coverage.CoverageExport;
import org.carecircle.engine.geometry.MapTile;

/**
 * {@code GET /tiles/{layer}/{z}/{x}/{y}.mvt}: Mapbox Vector Tiles (2.1) for MapLibre, QGIS or any
 * vector-tile client, with the same query parameters as the coverage exports (scenario, minutes,
 * take-up, capacity, which institutions count) and, for gaps, {@code gapMinutes} and
 * {@code withCapacity}.
 */
@Path("/tiles/{layer}/{z}/{x}/{y}.mvt")
public class MapTiles {
    public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";

    @Inject
    TileService tiles;

    @GET
    @Produces(MEDIA_TYPE)
    public Response tile(@PathParam("layer") String layer, @PathParam("z") String z, @PathParam("x") String x,
                         @PathParam("y") String y, @BeanParam CoverageExport.Parameters parameters,
                         @QueryParam("gapMinutes") Double gapMinutes, @QueryParam("withCapacity") Boolean withCapacity) {
        TileLayer named = TileLayer.named(layer);
        MapTile tile;
        try {
            tile = new MapTile(number(z, "z"), number(x, "x"), number(y, "y"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("tile", e.getMessage());
        }
        byte[] body = tiles.tile(named, tile, new TileService.Request(parameters.read(), gapMinutes, Boolean.TRUE.equals(withCapacity)));
        return Response.ok(body, MEDIA_TYPE).header("Cache-Control", "no-cache").build();
    }

    private static int number(String value, String field) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "\"" + value + "\" is not a whole number");
        }
    }
}
