package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/** A WGS84 box, as map apps send their viewport. */
@Input("BoundingBoxInput")
@Description("A WGS84 box: west and east longitudes, south and north latitudes, in degrees.")
public record BoundingBox(@NonNull Double west, @NonNull Double south, @NonNull Double east, @NonNull Double north) {

    /** Checks ranges, order, emptiness and size; returns false (with reasons) if unusable. */
    public boolean validate(String field, double maxDegrees, Violations violations) {
        boolean ok = violations.check(west >= -180 && west <= 180, field + ".west", "longitude " + west + " is outside -180..180")
                & violations.check(east >= -180 && east <= 180, field + ".east", "longitude " + east + " is outside -180..180")
                & violations.check(south >= -90 && south <= 90, field + ".south", "latitude " + south + " is outside -90..90")
                & violations.check(north >= -90 && north <= 90, field + ".north", "latitude " + north + " is outside -90..90");
        if (!ok) {
            return false;
        }
        ok = violations.check(east > west, field, "is empty: east (" + east + ") must be greater than west (" + west + ")")
                & violations.check(north > south, field, "is empty: north (" + north + ") must be greater than south (" + south + ")");
        return ok && violations.check(east - west <= maxDegrees && north - south <= maxDegrees, field,
                "is too large: at most " + maxDegrees + " degrees on each side (got "
                        + (east - west) + " x " + (north - south) + ")");
    }

    public Polygon toPolygon() {
        return (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(west, east, south, north));
    }
}
