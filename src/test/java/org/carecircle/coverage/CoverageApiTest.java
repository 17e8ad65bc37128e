package org.carecircle.coverage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.institution.OsmChildcareReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.GRID_CELL;
import static org.carecircle.Fixtures.GRID_COLUMNS;
import static org.carecircle.Fixtures.GRID_ROWS;
import static org.carecircle.Fixtures.GRID_SOUTH;
import static org.carecircle.Fixtures.GRID_WEST;
import static org.carecircle.Fixtures.area;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createArea;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.rectangle;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.hamcrest.Matchers.containsString;
import static org.carecircle.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage through GraphQL and the exports on the Xipu extract: a district split into two
 * subdistricts, the five OSM kindergartens as institutions, and a grid of 15 × 11 cells of 0.002°
 * with 2 children under 3 and 100 residents each (330 children, 16,500 residents).
 */
@QuarkusTest
class CoverageApiTest {
    static final File XIPU = new File("../shared/data/osm/chengdu-xipu.osm");
    static final double WEST = GRID_WEST, SOUTH = GRID_SOUTH, SIZE = GRID_CELL;
    static final int COLUMNS = GRID_COLUMNS, ROWS = GRID_ROWS;
    static final double MIDDLE = WEST + 7 * SIZE;
    static final String REPORT = """
            query($p: CoverageParameters, $level: AreaLevel) { coverage(parameters: $p, level: $level) {
              minutes takeUpRate capacity institutionsCounted institutionsOffNetwork cells cellsOffNetwork populationEstimated
              overall { residents childrenUnder3 childrenWantingPlace twoStepScore enhancedScore
                        limits { minutes residentsWithin childrenWithin childrenOutside childrenWithinShare
                                 childrenWantingPlaceCovered childrenWantingPlaceUncovered childrenWantingPlaceCoveredShare } }
              areas { totalCount nodes { area { code level } childrenUnder3 childrenWantingPlace
                      limits { minutes childrenWithin childrenWantingPlaceCovered } } }
              institutions { totalCount nodes { id name availableSlots limits { minutes childrenServed slotsLeft } }
                                       pageInfo { endCursor hasNextPage } } } }""";

    @Inject
    TestDatabase database;

    final List<Long> kindergartens = new ArrayList<>();

    @BeforeEach
    void prepare() {
        database.clear();
        createArea(area("D", "DISTRICT", null, rectangle(WEST, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE)));
        Map<String, Object> west = area("S1", "SUBDISTRICT", "D", rectangle(WEST, SOUTH, MIDDLE, SOUTH + ROWS * SIZE));
        west.put("residents", 60_000);
        west.put("residentsYear", 2024);
        createArea(west);
        createArea(area("S2", "SUBDISTRICT", "D", rectangle(MIDDLE, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE)));
        kindergartens.clear();
        for (OsmChildcareReader.Place place : OsmChildcareReader.read(XIPU)) {
            Map<String, Object> input = institution(place.osmId(), place.longitude(), place.latitude(),
                    classGroup("OLDER_TODDLER", 20, 10));
            input.put("kind", "KINDERGARTEN_NURSERY");
            kindergartens.add(createInstitution(input));
        }
        upsertXipuGrid(2.0);
    }

    static JsonPath report(Map<String, Object> parameters) {
        return GraphQL.ok(REPORT, variables("p", parameters));
    }

    @Test
    void coverageAddsUpAcrossCellsAreasAndInstitutions() {
        JsonPath result = report(Map.of("takeUpRate", 0.5));
        String overall = "data.coverage.overall.";
        assertEquals(5, result.getInt("data.coverage.institutionsCounted"));
        assertEquals(5, result.getInt("data.coverage.institutions.totalCount"));
        // the institutions page in id order: two, then the three after them
        JsonPath firstTwo = GraphQL.ok("{ coverage { institutions(first: 2) { nodes { id } pageInfo { endCursor hasNextPage } } } }");
        assertTrue(firstTwo.getBoolean("data.coverage.institutions.pageInfo.hasNextPage"));
        JsonPath rest = GraphQL.ok("query($after: String) { coverage { institutions(after: $after) { nodes { id } "
                + "pageInfo { hasPreviousPage hasNextPage } } } }",
                Map.of("after", firstTwo.getString("data.coverage.institutions.pageInfo.endCursor")));
        List<String> ids = new java.util.ArrayList<>(firstTwo.getList("data.coverage.institutions.nodes.id"));
        ids.addAll(rest.getList("data.coverage.institutions.nodes.id"));
        assertEquals(result.getList("data.coverage.institutions.nodes.id"), ids);
        assertEquals(List.of(true, false), List.of(rest.getBoolean("data.coverage.institutions.pageInfo.hasPreviousPage"),
                rest.getBoolean("data.coverage.institutions.pageInfo.hasNextPage")));
        assertEquals(COLUMNS * ROWS, result.getInt("data.coverage.cells"));
        assertEquals(330f, result.getFloat(overall + "childrenUnder3"), 1e-3);
        assertEquals(165f, result.getFloat(overall + "childrenWantingPlace"), 1e-3);
        float within5 = result.getFloat(overall + "limits[0].childrenWithin");
        float within15 = result.getFloat(overall + "limits[1].childrenWithin");
        assertTrue(0 < within5 && within5 < within15 && within15 <= 330, within5 + " then " + within15);
        assertEquals(330f, within15 + result.getFloat(overall + "limits[1].childrenOutside"), 1e-3);
        // capacity: 5 × 20 slots; nobody is covered who is not within the limit, and what is served is what is covered
        for (int limit = 0; limit < 2; limit++) {
            float covered = result.getFloat(overall + "limits[" + limit + "].childrenWantingPlaceCovered");
            float within = result.getFloat(overall + "limits[" + limit + "].childrenWithin");
            assertTrue(covered <= Math.min(100, within / 2 + 1e-3), "covered " + covered);
            float sum = 0;
            for (Object value : result.getList("data.coverage.institutions.nodes")) {
                Map<?, ?> institution = (Map<?, ?>) value;
                Map<?, ?> entry = (Map<?, ?>) ((List<?>) institution.get("limits")).get(limit);
                float childrenServed = ((Number) entry.get("childrenServed")).floatValue();
                assertTrue(childrenServed <= 20 + 1e-3);
                assertEquals(20 - childrenServed, ((Number) entry.get("slotsLeft")).floatValue(), 1e-3);
                sum += childrenServed;
            }
            assertEquals(covered, sum, 1e-2);
        }
        // the district holds every cell; its subdistricts split them
        List<Map<String, Object>> areas = result.getList("data.coverage.areas.nodes");
        Map<String, Float> children = new HashMap<>();
        areas.forEach(area -> children.put((String) ((Map<?, ?>) area.get("area")).get("code"),
                ((Number) area.get("childrenUnder3")).floatValue()));
        assertEquals(330f, children.get("D"), 1e-3);
        assertEquals(7 * ROWS * 2f, children.get("S1"), 1e-3);
        assertEquals(8 * ROWS * 2f, children.get("S2"), 1e-3);
    }

    @Test
    void freePlacesCountOnlyWhatIsNotTaken() {
        JsonPath slots = report(Map.of("capacity", "SLOTS"));
        JsonPath free = report(Map.of("capacity", "FREE_PLACES"));
        assertEquals(List.of(20f, 20f, 20f, 20f, 20f), slots.getList("data.coverage.institutions.nodes.availableSlots", Float.class));
        assertEquals(List.of(10f, 10f, 10f, 10f, 10f), free.getList("data.coverage.institutions.nodes.availableSlots", Float.class));
        assertTrue(free.getFloat("data.coverage.overall.limits[1].childrenWantingPlaceCovered")
                <= slots.getFloat("data.coverage.overall.limits[1].childrenWantingPlaceCovered"));
    }

    @Test
    void staffOnlySitesAndClosedOnesDoNotCountUnlessAsked() {
        Map<String, Object> employer = institution("staff only", WEST + 0.01, SOUTH + 0.01, classGroup("TODDLER", 30, 0));
        employer.put("kind", "EMPLOYER");
        employer.put("openToPublic", false);
        createInstitution(employer);
        assertEquals(5, report(null).getInt("data.coverage.institutionsCounted"));
        assertEquals(6, report(Map.of("institutions", Map.of("includeStaffOnly", true))).getInt("data.coverage.institutionsCounted"));
        assertEquals(0, report(Map.of("institutions", Map.of("inclusiveOnly", true))).getInt("data.coverage.institutionsCounted"));
        assertEquals(0, report(Map.of("institutions", Map.of("status", "PLANNED"))).getInt("data.coverage.institutionsCounted"));
    }

    @Test
    void answersFollowChangesToInstitutionsAndPopulation() {
        JsonPath before = report(null);
        assertEquals(330f, before.getFloat("data.coverage.overall.childrenUnder3"), 1e-3);
        upsertXipuGrid(4.0);
        assertEquals(660f, report(null).getFloat("data.coverage.overall.childrenUnder3"), 1e-3);
        createInstitution(institution("new site", WEST + 0.02, SOUTH + 0.01, classGroup("TODDLER", 12, 0)));
        JsonPath after = report(null);
        assertEquals(6, after.getInt("data.coverage.institutionsCounted"));
        assertTrue(after.getFloat("data.coverage.overall.limits[1].childrenWithin")
                >= 2 * before.getFloat("data.coverage.overall.limits[1].childrenWithin") - 1e-3);
    }

    @Test
    void gapAreasAddUpToTheChildrenOutside() {
        JsonPath result = GraphQL.ok("""
                { coverage { overall { limits { childrenOutside } } }
                  gapAreas(minutes: 5, first: 500) { minutes withCapacity childrenUncovered
                    gaps { totalCount nodes { rank area { code } cells childrenUncovered meanMinutesToNearest allReachable } }
                    featureCollection } }""");
        float outside = result.getFloat("data.coverage.overall.limits[0].childrenOutside");
        assertEquals(outside, result.getFloat("data.gapAreas.childrenUncovered"), 1e-2);
        List<Float> perGap = result.getList("data.gapAreas.gaps.nodes.childrenUncovered", Float.class);
        assertEquals(result.getInt("data.gapAreas.gaps.totalCount"), perGap.size());
        assertEquals(outside, (float) perGap.stream().mapToDouble(Float::doubleValue).sum(), 1e-2);
        for (int i = 1; i < perGap.size(); i++) {
            assertTrue(perGap.get(i) <= perGap.get(i - 1), "ranked by children");
        }
        assertEquals(perGap.size(), result.getList("data.gapAreas.featureCollection.features").size());
        assertTrue(result.getFloat("data.gapAreas.gaps.nodes[0].meanMinutesToNearest") > 5);
        // with capacity, everyone left without a place counts: at least those outside, times the take-up rate
        JsonPath withCapacity = GraphQL.ok("{ gapAreas(withCapacity: true) { childrenUncovered minutes } "
                + "coverage { overall { limits { childrenWantingPlaceUncovered } } } }");
        assertEquals(15f, withCapacity.getFloat("data.gapAreas.minutes"));
        assertEquals(withCapacity.getFloat("data.coverage.overall.limits[1].childrenWantingPlaceUncovered"),
                withCapacity.getFloat("data.gapAreas.childrenUncovered"), 1e-2);
    }

    @Test
    void cellsInABox() {
        JsonPath result = GraphQL.ok("""
                { coverageCells(boundingBox: {west: 103.9665, south: 30.7563, east: 103.9725, north: 30.7623}) {
                    nodes { cellId childrenUnder3 nearestInstitutionId minutesToNearest limits { minutes within } } } }""");
        List<String> ids = result.getList("data.coverageCells.nodes.cellId");
        // centres inside a 3 × 3-cell box
        assertEquals(9, ids.size());
        for (int c = 0; c < ids.size(); c++) {
            Float minutes = result.getObject("data.coverageCells.nodes[" + c + "].minutesToNearest", Float.class);
            boolean within5 = result.getBoolean("data.coverageCells.nodes[" + c + "].limits[0].within");
            assertEquals(minutes != null && minutes <= 5, within5, ids.get(c));
        }
        String tooLarge = GraphQL.error("{ coverageCells(boundingBox: {west: 100, south: 30, east: 102, north: 30.5}) { totalCount } }",
                Map.of());
        assertTrue(tooLarge.startsWith("boundingBox: is too large"), tooLarge);
    }

    @Test
    void badParametersAreRefusedByName() {
        assertTrue(GraphQL.error(REPORT, Map.of("p", Map.of("takeUpRate", 1.5))).contains("takeUpRate"));
        assertTrue(GraphQL.error(REPORT, Map.of("p", Map.of("minutes", List.of(-5.0)))).contains("minutes[0]"));
        assertTrue(GraphQL.error(REPORT, Map.of("p", Map.of("minutes", List.of(5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0))))
                .contains("minutes"));
        assertTrue(GraphQL.error(REPORT, Map.of("p", Map.of("speedKmh", 50.0))).contains("speedKmh"));
        assertTrue(GraphQL.error("{ gapAreas(minutes: 10) { childrenUncovered } }", Map.of()).contains("minutes"));
        assertTrue(GraphQL.error("{ gapAreas(first: 0) { childrenUncovered } }", Map.of()).contains("first"));
    }

    @Test
    void exportsAreFilesQgisAndSpreadsheetsOpen() {
        String csv = given().queryParam("minutes", 5).queryParam("minutes", 15).queryParam("language", "en")
                .get("/export/coverage/cells.csv").then().statusCode(200)
                .header("Content-Disposition", containsString("coverage-cells.csv")).extract().asString();
        // column names as GraphQL names the fields, in English; the import's names in Chinese
        assertTrue(csv.startsWith("\uFEFFcellId,longitude,latitude,"), csv.substring(0, 40));
        String[] lines = csv.split("\r\n");
        assertEquals(1 + COLUMNS * ROWS, lines.length);
        assertTrue(lines[0].contains("within5,childrenWantingPlaceCovered5,childrenWantingPlaceUncovered5,within15"), lines[0]);
        String chinese = given().queryParam("minutes", 5).get("/export/coverage/cells.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(chinese.startsWith("\uFEFF网格编号,经度,纬度,常住人口,"), chinese.substring(0, 20));

        JsonPath gaps = given().get("/export/coverage/gaps.geojson").then().statusCode(200).extract().jsonPath();
        assertEquals("FeatureCollection", gaps.getString("type"));
        JsonPath cells = given().get("/export/coverage/cells.geojson").then().statusCode(200).extract().jsonPath();
        assertEquals(COLUMNS * ROWS, cells.getList("features").size());
        String areas = given().queryParam("level", "SUBDISTRICT").get("/export/coverage/areas.csv").then().statusCode(200)
                .extract().asString();
        assertEquals(4, areas.split("\r\n").length, "header, S1, S2 and all cells");

        given().queryParam("takeUpRate", 2).get("/export/coverage/cells.csv").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("takeUpRate"));
        given().queryParam("profile", "BICYCLE").get("/export/coverage/cells.csv").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("profile"));
    }
}
