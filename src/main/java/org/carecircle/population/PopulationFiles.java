package org.carecircle.population;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violations;
import org.locationtech.jts.geom.Envelope;

/** A GeoTIFF population raster uploaded as it is, for scripts with curl. */
@Path("/import/population-raster")
public class PopulationFiles {
    static final int MAX_BYTES = 200 * 1024 * 1024;

    @Inject
    CellImport imports;
    @Inject
    ApiLimits limits;

    @POST
    @RolesAllowed("planner")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String upload(byte[] content, @QueryParam("name") @DefaultValue("raster") String name,
                         @QueryParam("west") Double west, @QueryParam("south") Double south,
                         @QueryParam("east") Double east, @QueryParam("north") Double north,
                         @QueryParam("childrenShare") Double childrenShare,
                         @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new InvalidInputException("content", "must be a GeoTIFF of 1 byte to " + MAX_BYTES + " bytes (got "
                    + content.length + ")");
        }
        Envelope clip = null;
        if (west != null || south != null || east != null || north != null) {
            if (west == null || south == null || east == null || north == null) {
                throw new InvalidInputException("boundingBox", "give all of west, south, east and north, or none");
            }
            BoundingBox box = new BoundingBox(west, south, east, north);
            Violations violations = new Violations();
            box.validate("boundingBox", limits.maxBoundingBoxDegrees(), violations);
            violations.throwIfAny();
            clip = new Envelope(west, east, south, north);
        }
        return imports.importRaster(content, name, clip, childrenShare, dryRun).toJson();
    }
}
