package org.carecircle.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AreaApiTest {
    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    /** District D split into subdistricts WEST and EAST at longitude 104.1, community C inside WEST. */
    private void hierarchy() {
        Map<String, Object> district = area("D", "DISTRICT", null, rectangle(104.0, 30.7, 104.2, 30.8));
        district.put("residents", 150000);
        district.put("residentsYear", 2024);
        createArea(district);
        createArea(area("WEST", "SUBDISTRICT", "D", rectangle(104.0, 30.7, 104.1, 30.8)));
        createArea(area("EAST", "SUBDISTRICT", "D", rectangle(104.1, 30.7, 104.2, 30.8)));
        createArea(area("C", "COMMUNITY", "WEST", rectangle(104.0, 30.7, 104.05, 30.75)));
    }

    @Test
    void areasListByLevelAndParent() {
        hierarchy();
        assertEquals(List.of("EAST", "WEST"),
                GraphQL.ok("{ areas(level: SUBDISTRICT) { nodes { code } } }").getList("data.areas.nodes.code"));
        assertEquals(List.of("EAST", "WEST"),
                GraphQL.ok("{ areas(parentCode: \"D\") { nodes { code } } }").getList("data.areas.nodes.code"));
        assertEquals(List.of("C"), GraphQL.ok("{ areas(parentCode: \"WEST\", level: COMMUNITY) { nodes { code } } }").getList("data.areas.nodes.code"));
        JsonPath west = GraphQL.ok("{ area(code: \"WEST\") { name level parent { code level } } }");
        assertEquals("Area WEST", west.getString("data.area.name"));
        assertEquals("D", west.getString("data.area.parent.code"));
        assertEquals("DISTRICT", west.getString("data.area.parent.level"));
        assertNull(GraphQL.ok("{ area(code: \"NONE\") { code } }").get("data.area"));
    }

    @Test
    void totalsEqualTheSumsOfTheInstitutionsClassGroups() {
        hierarchy();
        Map<String, Object> a = institution("A", 104.02, 30.72, classGroup("INFANT", 10, 5), classGroup("TODDLER", 20, 10));
        a.put("inclusive", true);
        createInstitution(a);
        createInstitution(institution("B", 104.08, 30.78, classGroup("OLDER_TODDLER", 30, 30)));
        Map<String, Object> planned = institution("P", 104.09, 30.71, classGroup("TODDLER", 12, 0));
        planned.put("status", "PLANNED");
        createInstitution(planned);
        createInstitution(institution("E", 104.15, 30.75, classGroup("TODDLER", 7, 1)));
        upsertCells(List.of(cell("w1", 104.01, 30.71, 100, 2), cell("w2", 104.06, 30.76, 50, 1), cell("e1", 104.16, 30.76, 80, 3)));

        JsonPath west = GraphQL.ok("""
                { area(code: "WEST") { institutions { nodes { name classGroups { ageGroup slots enrolled } } }
                  totals { institutions slots enrolled inclusiveSlots gridResidents childrenUnder3 populationCells
                           byAgeGroup { ageGroup slots enrolled inclusiveSlots } }
                  operating: totals(status: [OPERATING]) { institutions slots enrolled } } }""");
        // by hand: A 10+20 slots (5+10 enrolled, inclusive), B 30 (30), P 12 (0)
        assertEquals(List.of("A", "B", "P"), west.getList("data.area.institutions.nodes.name"));
        assertEquals(3, west.getInt("data.area.totals.institutions"));
        assertEquals(72, west.getInt("data.area.totals.slots"));
        assertEquals(45, west.getInt("data.area.totals.enrolled"));
        assertEquals(30, west.getInt("data.area.totals.inclusiveSlots"));
        assertEquals(List.of(
                        Map.of("ageGroup", "INFANT", "slots", 10, "enrolled", 5, "inclusiveSlots", 10),
                        Map.of("ageGroup", "TODDLER", "slots", 32, "enrolled", 10, "inclusiveSlots", 20),
                        Map.of("ageGroup", "OLDER_TODDLER", "slots", 30, "enrolled", 30, "inclusiveSlots", 0)),
                west.getList("data.area.totals.byAgeGroup"));
        assertEquals(2, west.getInt("data.area.operating.institutions"));
        assertEquals(60, west.getInt("data.area.operating.slots"));
        assertEquals(150.0, west.getDouble("data.area.totals.gridResidents"));
        assertEquals(3.0, west.getDouble("data.area.totals.childrenUnder3"));
        assertEquals(2, west.getInt("data.area.totals.populationCells"));

        // the same totals summed from what the API lists, for every area
        for (String code : List.of("D", "WEST", "EAST", "C")) {
            JsonPath area = GraphQL.ok("query($code: String!) { area(code: $code) { institutions { nodes { slots enrolled "
                    + "classGroups { slots } } } totals { slots enrolled } } }", Map.of("code", code));
            List<Integer> slots = area.getList("data.area.institutions.nodes.classGroups.slots.flatten()");
            List<Integer> enrolled = area.getList("data.area.institutions.nodes.enrolled");
            assertEquals(slots.stream().mapToInt(Integer::intValue).sum(), area.getInt("data.area.totals.slots"), code);
            assertEquals(enrolled.stream().mapToInt(Integer::intValue).sum(), area.getInt("data.area.totals.enrolled"), code);
        }
        JsonPath district = GraphQL.ok("{ area(code: \"D\") { residents totals { residents slots gridResidents } } }");
        assertEquals(150000, district.getInt("data.area.totals.residents"));
        assertEquals(79, district.getInt("data.area.totals.slots"));
        assertEquals(230.0, district.getDouble("data.area.totals.gridResidents"));
    }

    private static Map<String, Object> cell(String id, double west, double south, double residents, double children) {
        return Map.of("cellId", id, "boundary", rectangle(west, south, west + 0.001, south + 0.001),
                "residents", residents, "childrenUnder3", children);
    }

    private static void upsertCells(List<Map<String, Object>> cells) {
        GraphQL.ok("mutation($cells: [PopulationCellInput!]!) { upsertPopulationCells(cells: $cells) { result { inserted } userErrors { field message code } } }",
                Map.of("cells", cells));
    }

    @Test
    void polygonWithAHoleSurvivesTheRoundTrip() {
        List<List<Double>> exterior = ring(104.0, 30.7, 104.1, 30.8);
        List<List<Double>> hole = List.of(List.of(104.02, 30.72), List.of(104.02, 30.74), List.of(104.04, 30.74),
                List.of(104.04, 30.72), List.of(104.02, 30.72));
        Map<String, Object> input = area("HOLED", "SUBDISTRICT", null,
                Map.of("type", "Polygon", "coordinates", List.of(exterior, hole)));
        createArea(input);
        JsonPath read = GraphQL.ok("{ area(code: \"HOLED\") { boundary } }");
        assertEquals("MultiPolygon", read.getString("data.area.boundary.type"));
        List<List<List<Float>>> rings = read.getList("data.area.boundary.coordinates[0]");
        assertEquals(2, rings.size());
        assertEquals(floats(exterior), rings.get(0));
        assertEquals(floats(hole), rings.get(1));
        // an institution in the hole is not inside the area
        createInstitution(institution("in the hole", 104.03, 30.73));
        createInstitution(institution("in the ring", 104.07, 30.77));
        assertEquals(List.of("in the ring"), GraphQL.ok("{ area(code: \"HOLED\") { institutions { nodes { name } } } }")
                .getList("data.area.institutions.nodes.name"));
    }

    private static List<List<Float>> floats(List<List<Double>> ring) {
        return ring.stream().map(p -> p.stream().map(Double::floatValue).toList()).toList();
    }

    // ---- validation: each refused, nothing written

    private void refused(Map<String, Object> input, String expected) {
        long before = database.count("area");
        String message = GraphQL.error(CREATE_AREA, input(input));
        assertTrue(message.contains(expected), () -> "message was: " + message);
        assertEquals(before, database.count("area"));
    }

    @Test
    void parentMustBeOfAHigherLevel() {
        hierarchy();
        refused(area("X", "SUBDISTRICT", "C", rectangle(104.0, 30.7, 104.01, 30.71)),
                "input.parentCode: a COMMUNITY cannot contain a SUBDISTRICT");
        refused(area("Y", "SUBDISTRICT", "EAST", rectangle(104.0, 30.7, 104.01, 30.71)),
                "input.parentCode: a SUBDISTRICT cannot contain a SUBDISTRICT");
    }

    @Test
    void unknownParentIsRefused() {
        refused(area("X", "SUBDISTRICT", "NOPE", rectangle(104.0, 30.7, 104.01, 30.71)),
                "input.parentCode: area \"NOPE\" does not exist");
    }

    @Test
    void duplicateCodeIsRefused() {
        hierarchy();
        refused(area("EAST", "SUBDISTRICT", "D", rectangle(104.0, 30.7, 104.01, 30.71)), "input.code: \"EAST\" is already used");
    }

    @Test
    void selfIntersectingBoundaryIsRefused() {
        Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates", List.of(List.of(
                List.of(104.0, 30.7), List.of(104.1, 30.8), List.of(104.1, 30.7), List.of(104.0, 30.8), List.of(104.0, 30.7))));
        refused(area("X", "DISTRICT", null, bowTie), "input.boundary: is not a valid Polygon: Self-intersection");
    }

    @Test
    void boundaryMustBeAnArea() {
        refused(area("X", "DISTRICT", null, point(104.0, 30.7)), "input.boundary: must be a GeoJSON Polygon or MultiPolygon, not a Point");
    }

    @Test
    void negativeResidentsAreRefused() {
        Map<String, Object> input = area("X", "DISTRICT", null, rectangle(104.0, 30.7, 104.01, 30.71));
        input.put("residents", -1);
        refused(input, "input.residents: must not be negative (got -1)");
    }

    @Test
    void estimatedResidentsNeedTheirMethod() {
        Map<String, Object> input = area("X", "DISTRICT", null, rectangle(104.0, 30.7, 104.01, 30.71));
        input.put("residents", 1000);
        input.put("estimated", true);
        refused(input, "input.estimationMethod: must describe how the estimate was made");
    }

    @Test
    void updateOfAnUnknownAreaIsNamed() {
        assertEquals("code: area \"NONE\" does not exist", GraphQL.error(
                "mutation($input: AreaInput!) { updateArea(code: \"NONE\", version: 1, input: $input) { area { code } userErrors { field message code } } }",
                input(area("NONE", "DISTRICT", null, rectangle(104.0, 30.7, 104.01, 30.71)))));
    }

    @Test
    void updateReplacesTheArea() {
        hierarchy();
        Map<String, Object> renamed = new HashMap<>(area("WEST-2", "SUBDISTRICT", "D", rectangle(104.0, 30.7, 104.1, 30.8)));
        renamed.put("name", "西区");
        JsonPath result = GraphQL.ok("mutation($input: AreaInput!) { updateArea(code: \"WEST\", version: 1, input: $input) { area { code name parent { code } } userErrors { field message code } } }",
                input(renamed));
        assertEquals("WEST-2", result.getString("data.updateArea.area.code"));
        assertEquals("西区", result.getString("data.updateArea.area.name"));
        assertEquals(List.of("C"), GraphQL.ok("{ areas(parentCode: \"WEST-2\") { nodes { code } } }").getList("data.areas.nodes.code"));
    }
}
