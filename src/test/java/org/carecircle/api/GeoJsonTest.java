package org.carecircle.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonTest {
    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** Reads a geometry that must be valid. */
    private static <T extends org.locationtech.jts.geom.Geometry> T valid(String text, Class<T> type) {
        Violations violations = new Violations();
        T geometry = GeoJson.read(json(text), "g", violations, type);
        assertTrue(violations.isEmpty(), () -> violations.list().toString());
        return geometry;
    }

    private static String rejected(String text, Class<? extends org.locationtech.jts.geom.Geometry> type) {
        Violations violations = new Violations();
        assertNull(GeoJson.read(json(text), "input.boundary", violations, type));
        assertEquals(1, violations.list().size(), () -> violations.list().toString());
        assertEquals("input.boundary", violations.list().get(0).field());
        return violations.list().get(0).reason();
    }

    @Test
    void polygonWithHoleSurvivesRoundTripWithRightHandRule() {
        // exterior written clockwise and hole counter-clockwise: the writer must turn both round (RFC 7946 §3.1.6)
        Polygon polygon = valid("""
                {"type":"Polygon","coordinates":[
                  [[100,30],[100,40],[110,40],[110,30],[100,30]],
                  [[102,32],[104,32],[104,34],[102,34],[102,32]]]}""", Polygon.class);
        assertEquals(96.0, polygon.getArea(), 1e-9);

        JsonObject written = GeoJson.write(polygon);
        var rings = written.getJsonArray("coordinates");
        assertEquals(2, rings.size());
        assertTrue(Orientation.isCCW(ring(rings.getJsonArray(0))), "exterior counter-clockwise");
        assertFalse(Orientation.isCCW(ring(rings.getJsonArray(1))), "hole clockwise");

        Polygon back = valid(written.toString(), Polygon.class);
        assertTrue(back.equalsTopo(polygon));
        assertEquals(1, back.getNumInteriorRing());
    }

    private static Coordinate[] ring(jakarta.json.JsonArray positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            var p = positions.getJsonArray(i);
            coordinates[i] = new Coordinate(p.getJsonNumber(0).doubleValue(), p.getJsonNumber(1).doubleValue());
        }
        return coordinates;
    }

    @Test
    void multiPolygonAcceptsAPolygonAsOnePart() {
        Violations violations = new Violations();
        MultiPolygon multi = GeoJson.readMultiPolygon(
                json("{\"type\":\"Polygon\",\"coordinates\":[[[104,30],[105,30],[105,31],[104,31],[104,30]]]}"), "b", violations);
        assertTrue(violations.isEmpty());
        assertEquals(1, multi.getNumGeometries());
        assertEquals(4326, multi.getSRID());
    }

    @Test
    void pointKeepsLongitudeFirst() {
        Point point = valid("{\"type\":\"Point\",\"coordinates\":[103.97,30.76]}", Point.class);
        assertEquals(103.97, point.getX());
        assertEquals(30.76, point.getY());
        assertEquals("{\"type\":\"Point\",\"coordinates\":[103.97,30.76]}", GeoJson.write(point).toString());
    }

    @Test
    void positionsAreWrittenToSevenDecimalsAsDoublesWouldBe() {
        Point point = GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(104.1, -30.123456789));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[104.1,-30.1234568]}", GeoJson.write(point).toString());
        Point whole = GeoJson.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(104.00000001, 0));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[104.0,0.0]}", GeoJson.write(whole).toString());
    }

    @Test
    void latitudeOutOfRangeIsNamed() {
        assertEquals("coordinates[0][1]: longitude 104.0, latitude 91.0 is not a place on Earth (-180..180, -90..90)",
                rejected("{\"type\":\"Polygon\",\"coordinates\":[[[104,30],[104,91],[105,31],[104,30]]]}", Polygon.class));
    }

    @Test
    void longitudeOutOfRangeIsNamed() {
        assertEquals("coordinates: longitude 190.0, latitude 30.0 is not a place on Earth (-180..180, -90..90)",
                rejected("{\"type\":\"Point\",\"coordinates\":[190,30]}", Point.class));
    }

    @Test
    void aPlaceOutsideTheServiceRegionIsNamed() {
        assertEquals("coordinates: longitude 0.0, latitude 0.0 is outside the service region (73.4..135.1 E, 18.1..53.6 N; "
                + "carecircle.region)", rejected("{\"type\":\"Point\",\"coordinates\":[0,0]}", Point.class));
    }

    @Test
    void openRingIsRefused() {
        assertEquals("coordinates[0] is not closed: its first and last positions differ",
                rejected("{\"type\":\"Polygon\",\"coordinates\":[[[104,30],[105,30],[105,31],[104,31]]]}", Polygon.class));
    }

    @Test
    void selfIntersectingPolygonIsRefusedWithWhere() {
        String reason = rejected("{\"type\":\"Polygon\",\"coordinates\":[[[104,30],[106,32],[106,30],[104,32],[104,30]]]}", Polygon.class);
        assertTrue(reason.startsWith("is not a valid Polygon: Self-intersection near 105.0 31.0"), reason);
    }

    @Test
    void wrongGeometryTypeIsRefused() {
        assertEquals("must be a GeoJSON Polygon, not a Point",
                rejected("{\"type\":\"Point\",\"coordinates\":[104,30]}", Polygon.class));
    }

    @Test
    void unknownTypeAndMissingTypeAreRefused() {
        assertEquals("has an unknown GeoJSON geometry type \"Circle\"",
                rejected("{\"type\":\"Circle\",\"coordinates\":[1,1]}", Point.class));
        assertEquals("is not GeoJSON: it has no \"type\"", rejected("{\"coordinates\":[1,1]}", Point.class));
    }

    @Test
    void nonNumericCoordinateIsRefused() {
        assertEquals("coordinates[0] must be a number", rejected("{\"type\":\"Point\",\"coordinates\":[\"x\",1]}", Point.class));
    }
}
