package org.carecircle.network;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Violations;
import org.carecircle.institution.OsmChildcareReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

import java.io.File;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service circles through GraphQL on the real Chengdu Xipu extract (the test profile's network). */
@QuarkusTest
class ServiceCircleApiTest {
    static final File XIPU = new File("../shared/data/osm/chengdu-xipu.osm");
    private static final String CIRCLE = """
            query($origin: ServiceCircleOrigin!, $minutes: [Float!], $metres: [Float!], $speed: Float, $profile: WalkingProfile) {
              serviceCircle(origin: $origin, minutes: $minutes, metres: $metres, speedKmh: $speed, profile: $profile) }""";

    @Inject
    TestDatabase database;
    @Inject
    NetworkService networks;

    @BeforeEach
    void prepare() {
        database.clear();
        networks.awaitLoaded();
    }

    static MultiPolygon geometry(JsonPath result, String path) {
        Map<String, Object> json = result.getMap(path);
        Violations violations = new Violations();
        MultiPolygon area = GeoJson.readMultiPolygon(Json.createReader(new StringReader(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(json).toString())).readObject(), path, violations);
        assertTrue(violations.isEmpty(), () -> violations.list().toString());
        return area;
    }

    private static JsonPath circle(Map<String, Object> origin, List<Double> minutes, List<Double> metres) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("origin", origin);
        variables.put("minutes", minutes);
        variables.put("metres", metres);
        return GraphQL.ok(CIRCLE, variables);
    }

    private static String refused(Map<String, Object> variables) {
        return GraphQL.error(CIRCLE, variables);
    }

    @Test
    void theFiveKindergartensCirclesAreValidContainTheirOriginsAndNest() {
        List<OsmChildcareReader.Place> kindergartens = OsmChildcareReader.read(XIPU);
        assertEquals(5, kindergartens.size());
        for (OsmChildcareReader.Place kindergarten : kindergartens) {
            Map<String, Object> input = institution(kindergarten.name() == null ? kindergarten.osmId() : kindergarten.name(),
                    kindergarten.longitude(), kindergarten.latitude());
            input.put("kind", "KINDERGARTEN_NURSERY");
            long id = createInstitution(input);
            JsonPath result = circle(Map.of("institutionId", id), List.of(15.0, 5.0), null);
            assertEquals(List.of(5.0f, 15.0f), result.getList("data.serviceCircle.features.properties.limit"));
            MultiPolygon five = geometry(result, "data.serviceCircle.features[0].geometry");
            MultiPolygon fifteen = geometry(result, "data.serviceCircle.features[1].geometry");
            Point origin = GeoJson.FACTORY.createPoint(new Coordinate(kindergarten.longitude(), kindergarten.latitude()));
            String name = kindergarten.osmId();
            assertTrue(five.isValid() && fifteen.isValid(), name + " valid");
            assertTrue(five.contains(origin), name + " 5-minute circle holds its origin");
            assertTrue(fifteen.covers(five), name + " 15 covers 5");
            assertTrue(fifteen.getArea() > 2 * five.getArea(), name + " 15 minutes reach much further");
            assertTrue(result.getFloat("data.serviceCircle.features[0].properties.snapDistanceMetres") <= 300);
            assertEquals("FOOT", result.getString("data.serviceCircle.features[0].properties.profile"));
        }
    }

    @Test
    void residentsInsideComeFromTheGrid() {
        OsmChildcareReader.Place kindergarten = OsmChildcareReader.read(XIPU).get(0);
        double lat = kindergarten.latitude(), lon = kindergarten.longitude();
        List<Map<String, Object>> cells = new ArrayList<>();
        // a 20 m cell on the kindergarten and one 3 km east: only the first is within 5 minutes
        cells.add(Map.of("cellId", "near", "boundary", rectangle(lon - 0.0001, lat - 0.0001, lon + 0.0001, lat + 0.0001),
                "residents", 120.0, "childrenUnder3", 3.0, "estimated", true, "estimationMethod", "test"));
        cells.add(Map.of("cellId", "far", "boundary", rectangle(lon + 0.03, lat, lon + 0.0302, lat + 0.0002),
                "residents", 500.0, "childrenUnder3", 11.0));
        GraphQL.ok("mutation($cells: [PopulationCellInput!]!) { upsertPopulationCells(cells: $cells) { result { inserted } userErrors { field message code } } }",
                Map.of("cells", cells));
        JsonPath result = circle(Map.of("point", point(lon, lat)), List.of(5.0), null);
        assertEquals(120.0f, result.getFloat("data.serviceCircle.features[0].properties.residents"));
        assertEquals(3.0f, result.getFloat("data.serviceCircle.features[0].properties.childrenUnder3"));
        assertEquals(true, result.getBoolean("data.serviceCircle.features[0].properties.populationEstimated"));
    }

    @Test
    void metreLimitsFollowTheLifeCircleStandard() {
        OsmChildcareReader.Place kindergarten = OsmChildcareReader.read(XIPU).get(1);
        JsonPath result = circle(Map.of("point", point(kindergarten.longitude(), kindergarten.latitude())), null,
                List.of(300.0, 500.0, 1000.0));
        assertEquals(List.of("METRES", "METRES", "METRES"), result.getList("data.serviceCircle.features.properties.unit"));
        MultiPolygon m300 = geometry(result, "data.serviceCircle.features[0].geometry");
        MultiPolygon m500 = geometry(result, "data.serviceCircle.features[1].geometry");
        MultiPolygon m1000 = geometry(result, "data.serviceCircle.features[2].geometry");
        assertTrue(m500.covers(m300) && m1000.covers(m500));
    }

    @Test
    void strollerReachesNoMoreThanAWalker() {
        OsmChildcareReader.Place kindergarten = OsmChildcareReader.read(XIPU).get(2);
        Map<String, Object> variables = new HashMap<>();
        variables.put("origin", Map.of("point", point(kindergarten.longitude(), kindergarten.latitude())));
        variables.put("minutes", List.of(15.0));
        JsonPath foot = GraphQL.ok(CIRCLE, variables);
        variables.put("profile", "STROLLER");
        JsonPath stroller = GraphQL.ok(CIRCLE, variables);
        assertTrue(geometry(foot, "data.serviceCircle.features[0].geometry")
                .covers(geometry(stroller, "data.serviceCircle.features[0].geometry")));
    }

    @Test
    void unionOfAllKindergartensComesFromOneSearch() {
        List<OsmChildcareReader.Place> kindergartens = OsmChildcareReader.read(XIPU);
        List<MultiPolygon> singles = new ArrayList<>();
        for (OsmChildcareReader.Place kindergarten : kindergartens) {
            Map<String, Object> input = institution("k", kindergarten.longitude(), kindergarten.latitude());
            input.put("kind", "KINDERGARTEN_NURSERY");
            createInstitution(input);
            singles.add(geometry(circle(Map.of("point", point(kindergarten.longitude(), kindergarten.latitude())),
                    List.of(15.0), null), "data.serviceCircle.features[0].geometry"));
        }
        createInstitution(institution("not a kindergarten", kindergartens.get(0).longitude(), kindergartens.get(0).latitude()));
        JsonPath union = GraphQL.ok("{ serviceCircles(filter: {kind: [KINDERGARTEN_NURSERY]}, minutes: [5, 15]) }");
        assertEquals(5, union.getInt("data.serviceCircles.properties.institutions"));
        assertEquals(List.of(), union.getList("data.serviceCircles.properties.institutionsOffNetwork"));
        MultiPolygon fifteen = geometry(union, "data.serviceCircles.features[1].geometry");
        assertTrue(fifteen.covers(geometry(union, "data.serviceCircles.features[0].geometry")));
        for (MultiPolygon single : singles) {
            // grids of different extent align differently: allow slivers under 1 % of the circle
            assertTrue(single.difference(fifteen).getArea() < 0.01 * single.getArea());
        }
    }

    // ---- refused requests

    private static Map<String, Object> at(double lon, double lat, Object minutes) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("origin", Map.of("point", point(lon, lat)));
        variables.put("minutes", minutes);
        return variables;
    }

    @Test
    void originFarFromTheNetworkIsRefused() {
        String message = refused(at(104.10, 30.80, List.of(5.0)));
        assertTrue(message.startsWith("origin: the nearest walkable way is ") && message.endsWith("m away, more than the 300 m allowed")
                || message.equals("origin: no walkable way near it for profile FOOT"), message);
    }

    @Test
    void limitsMustBeMinutesOrMetres() {
        assertEquals("minutes: give the limits as minutes or as metres", refused(at(103.98, 30.765, null)));
        Map<String, Object> both = at(103.98, 30.765, List.of(5.0));
        both.put("metres", List.of(300.0));
        assertEquals("minutes: give the limits as minutes or as metres, not both", refused(both));
    }

    @Test
    void tooManyBandsAreRefused() {
        assertEquals("minutes: must hold 1 to 6 limits (got 7)",
                refused(at(103.98, 30.765, List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0))));
    }

    @Test
    void limitOutOfRangeIsRefused() {
        assertEquals("minutes[1]: must be more than 0 and at most 60.0 (got -5.0)", refused(at(103.98, 30.765, List.of(5.0, -5.0))));
        assertEquals("minutes[0]: must be more than 0 and at most 60.0 (got 90.0)", refused(at(103.98, 30.765, List.of(90.0))));
    }

    @Test
    void repeatedLimitIsRefused() {
        assertEquals("minutes[1]: 5.0 appears more than once", refused(at(103.98, 30.765, List.of(5.0, 5.0))));
    }

    @Test
    void speedOutOfRangeIsRefused() {
        Map<String, Object> variables = at(103.98, 30.765, List.of(5.0));
        variables.put("speed", 30.0);
        assertEquals("speedKmh: must be between 1.0 and 10.0 km/h (got 30.0)", refused(variables));
    }

    @Test
    void originNeedsExactlyOnePlace() {
        Map<String, Object> variables = at(103.98, 30.765, List.of(5.0));
        variables.put("origin", Map.of("point", point(103.98, 30.765), "institutionId", 1));
        assertEquals("origin: give either a point or an institutionId", refused(variables));
        variables.put("origin", Map.of("institutionId", 999));
        assertEquals("origin.institutionId: institution 999 does not exist", refused(variables));
        variables.put("origin", Map.of("point", point(103.98, 95)));
        assertEquals("origin.point: coordinates: longitude 103.98, latitude 95.0 is not a place on Earth (-180..180, -90..90)", refused(variables));
    }
}
