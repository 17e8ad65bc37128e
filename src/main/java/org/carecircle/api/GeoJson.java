package org.carecircle.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.math.BigDecimal;
import java.util.Map;

/**
 * GeoJSON (RFC 7946) geometries to and from JTS, as JSON objects rather than strings, so clients
 * and map libraries take them as they are. Longitude first, WGS84 (SRID 4326).
 */
public final class GeoJson {
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    /** One factory: {@code Json.createObjectBuilder()} looks the provider up again on every call. */
    public static final JsonBuilderFactory JSON = JsonProvider.provider().createBuilderFactory(Map.of());

    private GeoJson() {
    }

    // ---- writing

    public static JsonObject write(Geometry geometry) {
        var builder = JSON.createObjectBuilder().add("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !(isMulti(collection))) {
            var members = JSON.createArrayBuilder();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                members.add(write(collection.getGeometryN(i)));
            }
            return builder.add("geometries", members).build();
        }
        return builder.add("coordinates", coordinates(geometry)).build();
    }

    private static boolean isMulti(GeometryCollection collection) {
        return collection instanceof MultiPoint || collection instanceof MultiLineString || collection instanceof MultiPolygon;
    }

    private static JsonArrayBuilder coordinates(Geometry geometry) {
        if (geometry instanceof Point point) {
            return position(point.getCoordinate());
        }
        if (geometry instanceof LineString line) {
            return positions(line.getCoordinates(), false);
        }
        if (geometry instanceof Polygon polygon) {
            // RFC 7946 right-hand rule: exterior counter-clockwise, holes clockwise.
            var rings = JSON.createArrayBuilder().add(positions(polygon.getExteriorRing().getCoordinates(), true));
            for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                rings.add(positions(polygon.getInteriorRingN(i).getCoordinates(), false));
            }
            return rings;
        }
        var parts = JSON.createArrayBuilder();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            parts.add(coordinates(geometry.getGeometryN(i)));
        }
        return parts;
    }

    /** Seven decimals are a centimetre: more digits only lengthen the document (RFC 7946 §11.2). */
    private static JsonArrayBuilder position(Coordinate c) {
        return JSON.createArrayBuilder().add(sevenDecimals(c.x)).add(sevenDecimals(c.y));
    }

    /**
     * The degrees rounded to seven decimals, made without printing and parsing a double (big answers
     * write thousands), and written as a double would be: at least one decimal.
     */
    private static BigDecimal sevenDecimals(double degrees) {
        long unscaled = Math.round(degrees * 1e7);
        int scale = 7;
        while (scale > 1 && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    private static JsonArrayBuilder positions(Coordinate[] coordinates, boolean counterClockwise) {
        boolean reverse = coordinates.length >= 4 && Orientation.isCCW(coordinates) != counterClockwise
                && coordinates[0].equals2D(coordinates[coordinates.length - 1]);
        var array = JSON.createArrayBuilder();
        for (int i = 0; i < coordinates.length; i++) {
            array.add(position(coordinates[reverse ? coordinates.length - 1 - i : i]));
        }
        return array;
    }

    /** A GeoJSON Feature: the geometry and its properties. */
    public static JsonObject feature(Geometry geometry, JsonObject properties) {
        return JSON.createObjectBuilder().add("type", "Feature").add("geometry", write(geometry))
                .add("properties", properties).build();
    }

    // ---- reading

    public static Point readPoint(JsonObject json, String field, Violations violations) {
        return read(json, field, violations, Point.class);
    }

    public static Polygon readPolygon(JsonObject json, String field, Violations violations) {
        return read(json, field, violations, Polygon.class);
    }

    /** Accepts a Polygon too, as a MultiPolygon of one. */
    public static MultiPolygon readMultiPolygon(JsonObject json, String field, Violations violations) {
        Geometry geometry = read(json, field, violations, Geometry.class);
        if (geometry instanceof Polygon polygon) {
            return FACTORY.createMultiPolygon(new Polygon[] {polygon});
        }
        if (geometry != null && !(geometry instanceof MultiPolygon)) {
            violations.add(field, "must be a GeoJSON Polygon or MultiPolygon, not a " + geometry.getGeometryType());
            return null;
        }
        return (MultiPolygon) geometry;
    }

    /** Reads and validates; records what is wrong under {@code field} and returns null if anything is. */
    public static <T extends Geometry> T read(JsonObject json, String field, Violations violations, Class<T> expected) {
        if (json == null) {
            violations.add(field, "is required");
            return null;
        }
        try {
            Geometry geometry = geometry(json);
            if (!expected.isInstance(geometry)) {
                violations.add(field, "must be a GeoJSON " + expected.getSimpleName() + ", not a " + geometry.getGeometryType());
                return null;
            }
            if (geometry.isEmpty()) {
                violations.add(field, "is an empty " + geometry.getGeometryType() + ": give its coordinates");
                return null;
            }
            TopologyValidationError error = new IsValidOp(geometry).getValidationError();
            if (error != null) {
                violations.add(field, "is not a valid " + geometry.getGeometryType() + ": " + error.getMessage()
                        + " near " + error.getCoordinate().x + " " + error.getCoordinate().y);
                return null;
            }
            return expected.cast(geometry);
        } catch (BadGeoJson e) {
            violations.add(field, e.getMessage());
            return null;
        }
    }

    private static Geometry geometry(JsonObject json) {
        String type = json.containsKey("type") && json.get("type").getValueType() == JsonValue.ValueType.STRING
                ? json.getString("type") : null;
        if (type == null) {
            throw new BadGeoJson("is not GeoJSON: it has no \"type\"");
        }
        if (type.equals("GeometryCollection")) {
            JsonArray members = array(json.get("geometries"), "geometries");
            Geometry[] geometries = new Geometry[members.size()];
            for (int i = 0; i < geometries.length; i++) {
                geometries[i] = geometry(object(members.get(i), "geometries[" + i + "]"));
            }
            return FACTORY.createGeometryCollection(geometries);
        }
        JsonValue coordinates = json.get("coordinates");
        return switch (type) {
            case "Point" -> FACTORY.createPoint(position(coordinates, "coordinates"));
            case "MultiPoint" -> FACTORY.createMultiPointFromCoords(positions(coordinates, "coordinates", 1));
            case "LineString" -> FACTORY.createLineString(positions(coordinates, "coordinates", 2));
            case "MultiLineString" -> {
                JsonArray lines = array(coordinates, "coordinates");
                LineString[] parts = new LineString[lines.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = FACTORY.createLineString(positions(lines.get(i), "coordinates[" + i + "]", 2));
                }
                yield FACTORY.createMultiLineString(parts);
            }
            case "Polygon" -> polygon(coordinates, "coordinates");
            case "MultiPolygon" -> {
                JsonArray polygons = array(coordinates, "coordinates");
                Polygon[] parts = new Polygon[polygons.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(polygons.get(i), "coordinates[" + i + "]");
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new BadGeoJson("has an unknown GeoJSON geometry type \"" + type + "\"");
        };
    }

    private static Polygon polygon(JsonValue value, String path) {
        JsonArray rings = array(value, path);
        if (rings.isEmpty()) {
            throw new BadGeoJson(path + " must hold at least the exterior ring");
        }
        LinearRing[] linearRings = new LinearRing[rings.size()];
        for (int i = 0; i < linearRings.length; i++) {
            String ringPath = path + "[" + i + "]";
            Coordinate[] ring = positions(rings.get(i), ringPath, 4);
            if (!ring[0].equals2D(ring[ring.length - 1])) {
                throw new BadGeoJson(ringPath + " is not closed: its first and last positions differ");
            }
            linearRings[i] = FACTORY.createLinearRing(ring);
        }
        LinearRing[] holes = new LinearRing[linearRings.length - 1];
        System.arraycopy(linearRings, 1, holes, 0, holes.length);
        return FACTORY.createPolygon(linearRings[0], holes);
    }

    private static Coordinate[] positions(JsonValue value, String path, int minimum) {
        JsonArray array = array(value, path);
        if (array.size() < minimum) {
            throw new BadGeoJson(path + " needs at least " + minimum + " positions, has " + array.size());
        }
        Coordinate[] coordinates = new Coordinate[array.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(array.get(i), path + "[" + i + "]");
        }
        return coordinates;
    }

    private static Coordinate position(JsonValue value, String path) {
        JsonArray array = array(value, path);
        if (array.size() < 2 || array.size() > 3) {
            throw new BadGeoJson(path + " must be [longitude, latitude]");
        }
        double longitude = number(array.get(0), path + "[0]");
        double latitude = number(array.get(1), path + "[1]");
        String refusal = ServiceRegion.get().refusal(longitude, latitude);
        if (refusal != null) {
            throw new BadGeoJson(path + ": " + refusal);
        }
        return new Coordinate(longitude, latitude);
    }

    private static double number(JsonValue value, String path) {
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new BadGeoJson(path + " must be a number");
        }
        return ((JsonNumber) value).doubleValue();
    }

    private static JsonArray array(JsonValue value, String path) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new BadGeoJson(path + " must be an array");
        }
        return value.asJsonArray();
    }

    private static JsonObject object(JsonValue value, String path) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadGeoJson(path + " must be an object");
        }
        return value.asJsonObject();
    }

    private static final class BadGeoJson extends RuntimeException {
        BadGeoJson(String message) {
            super(message, null, false, false);
        }
    }
}
