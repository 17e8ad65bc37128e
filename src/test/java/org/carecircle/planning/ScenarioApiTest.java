package org.carecircle.planning;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.GRID_CELL;
import static org.carecircle.Fixtures.GRID_COLUMNS;
import static org.carecircle.Fixtures.GRID_ROWS;
import static org.carecircle.Fixtures.GRID_SOUTH;
import static org.carecircle.Fixtures.GRID_WEST;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.point;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scenarios on the Xipu grid (165 cells of 100 residents and 2 children under 3: 16,500 residents,
 * 330 children, 79.2 wanting a place at 24 %), worked out by hand where the network does not decide.
 */
@QuarkusTest
class ScenarioApiTest {
    static final String SAVE = "mutation($input: ScenarioInput!) { saveScenario(input: $input) { scenario { name proposed closed resized estates } userErrors { field message code } } }";
    static final String COMPARE = """
            query($name: String!) { compareScenario(scenario: $name, targetSet: SHAOXING_2027) {
              limits { minutes childrenWithinBefore childrenWithinAfter childrenNewlyWithin childrenWantingPlaceCoveredBefore childrenWantingPlaceCoveredAfter childrenNewlyCovered }
              indicators { indicator label(language: EN) before after target metBefore metAfter gapAfter { amount unit } }
              gaps { gapsBefore gapsAfter childrenOutsideBefore childrenOutsideAfter closed shrunk grown } } }""";
    static final String OVERALL = """
            query($p: CoverageParameters) { coverage(parameters: $p) { institutionsCounted overall { residents childrenUnder3
              limits { childrenWantingPlaceCovered } } } }""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
        upsertXipuGrid(2.0);
    }

    static Map<String, Object> site(String name, double longitude, double latitude, int toddlerSlots) {
        return Map.of("name", name, "location", point(longitude, latitude), "ownership", "PUBLIC", "kind", "COMMUNITY",
                "inclusive", true, "classGroups", List.of(classGroup("TODDLER", toddlerSlots, 0)));
    }

    static Map<String, Object> indicator(JsonPath result, String name) {
        List<Map<String, Object>> all = result.getList("data.compareScenario.indicators");
        return all.stream().filter(i -> name.equals(i.get("indicator"))).findFirst().orElseThrow();
    }

    @Test
    void aProposedSiteAgainstTheBase() {
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "one site", "proposed", List.of(site("new", 103.985, 30.77, 10)))));
        JsonPath result = GraphQL.ok(COMPARE, Map.of("name", "one site"));
        Map<String, Object> fifteen = result.getMap("data.compareScenario.limits[1]");
        assertEquals(0f, ((Number) fifteen.get("childrenWantingPlaceCoveredBefore")).floatValue());
        // its 10 slots all fill: far more than 10 children want a place within 15 minutes of it
        assertEquals(10f, ((Number) fifteen.get("childrenNewlyCovered")).floatValue(), 1e-3);
        assertTrue(((Number) fifteen.get("childrenWithinAfter")).floatValue() > 0);
        // 10 slots for 16,500 residents: 0.606 per 1,000; all of them TODDLER
        assertEquals(0.0, ((Number) indicator(result, "SLOTS_PER_THOUSAND_RESIDENTS").get("before")).doubleValue());
        assertEquals(10 / 16.5, ((Number) indicator(result, "SLOTS_PER_THOUSAND_RESIDENTS").get("after")).doubleValue(), 1e-4);
        assertNull(indicator(result, "UNDER_2_SHARE").get("before"));
        assertEquals(1.0, ((Number) indicator(result, "UNDER_2_SHARE").get("after")).doubleValue(), 1e-9);
        // the planner's summary of the scenario counts its site (summary.txt?scenario= was once ignored)
        String base = given().queryParam("language", "en").get("/summary.txt").then().statusCode(200).extract().asString();
        String planned = given().queryParam("scenario", "one site").queryParam("language", "en").get("/summary.txt")
                .then().statusCode(200).extract().asString();
        assertTrue(base.contains("  0 institutions counted"), base);
        assertTrue(planned.startsWith("CareCircle planner's summary of scenario \"one site\"")
                && planned.contains("  1 institutions counted"), planned);
        given().queryParam("scenario", "nope").get("/summary.txt").then().statusCode(404);
        // the base leaves all 330 children outside: the grid's centres span 2.7 × 2.2 km, cut into squares of a
        // 15-minute walk (1,125 m at 4.5 km/h), 3 × 2 gaps; the site shrinks the one it stands in
        assertEquals(6, result.getInt("data.compareScenario.gaps.gapsBefore"));
        assertEquals(330f, result.getFloat("data.compareScenario.gaps.childrenOutsideBefore"), 1e-3);
        // a base gap shrinks when some of its cells, and closes when all of them, are within 15 minutes of the site
        int[] within = new int[6], cells = new int[6];
        for (String cell : cellsWithinFifteenMinutes("one site")) {
            within[square(cell)]++;
        }
        for (int i = 0; i < GRID_COLUMNS; i++) {
            for (int j = 0; j < GRID_ROWS; j++) {
                cells[square(i + "-" + j)]++;
            }
        }
        int shrunk = 0, closed = 0;
        for (int s = 0; s < 6; s++) {
            shrunk += within[s] > 0 && within[s] < cells[s] ? 1 : 0;
            closed += within[s] == cells[s] ? 1 : 0;
        }
        assertTrue(shrunk + closed > 0, "the site reaches some of the grid");
        assertEquals(shrunk, result.getInt("data.compareScenario.gaps.shrunk"));
        assertEquals(closed, result.getInt("data.compareScenario.gaps.closed"));
        // the base is untouched
        assertEquals(0, GraphQL.ok(OVERALL, Map.of()).getInt("data.coverage.institutionsCounted"));
        assertEquals(0, database.count("institution"));
    }

    /**
     * The square of the base's gaps holding cell "i-j": centres 0.002° apart are 191.1 m east–west at
     * 30.77° N and 222.4 m north–south, so squares of 1,125 m from the first centre hold columns 0–5,
     * 6–11 and 12–14 (column 6 at 1,147 m, 12 at 2,293 m) and rows 0–5 and 6–10 (row 6 at 1,334 m).
     */
    private static int square(String cellId) {
        int i = Integer.parseInt(cellId.split("-")[0]), j = Integer.parseInt(cellId.split("-")[1]);
        return (i <= 5 ? 0 : i <= 11 ? 1 : 2) + (j <= 5 ? 0 : 3);
    }

    /** The grid's cells within 15 minutes of an institution in the scenario, from the cells' own coverage. */
    @SuppressWarnings("unchecked")
    private static Set<String> cellsWithinFifteenMinutes(String scenario) {
        Set<String> within = new HashSet<>();
        Map<String, Object> box = Map.of("west", GRID_WEST, "south", GRID_SOUTH, "east", GRID_WEST + GRID_COLUMNS * GRID_CELL,
                "north", GRID_SOUTH + GRID_ROWS * GRID_CELL);
        // a page of 100 cells after another, as a client pages a city
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>(Map.of("p", Map.of("scenario", scenario), "box", box));
            variables.put("after", after);
            JsonPath page = GraphQL.ok("""
                    query($p: CoverageParameters, $box: BoundingBoxInput!, $after: String) {
                      coverageCells(parameters: $p, boundingBox: $box, first: 100, after: $after) {
                        nodes { cellId limits { minutes within } } pageInfo { endCursor hasNextPage } } }""", variables);
            List<Map<String, Object>> cells = page.getList("data.coverageCells.nodes");
            for (Map<String, Object> cell : cells) {
                List<Map<String, Object>> limits = (List<Map<String, Object>>) cell.get("limits");
                if (limits.stream().anyMatch(l -> ((Number) l.get("minutes")).doubleValue() == 15 && (Boolean) l.get("within"))) {
                    within.add((String) cell.get("cellId"));
                }
            }
            after = page.getBoolean("data.coverageCells.pageInfo.hasNextPage")
                    ? page.getString("data.coverageCells.pageInfo.endCursor") : null;
        } while (after != null);
        return within;
    }

    /** Two options for one place compared with each other: 15 slots against 10 where more than 15 children want a place. */
    @Test
    void aScenarioAgainstAnother() {
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "ten", "proposed", List.of(site("new", 103.985, 30.77, 10)))));
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "fifteen", "proposed", List.of(site("new", 103.985, 30.77, 15)))));
        String against = """
                query($name: String!, $against: String) { compareScenario(scenario: $name, against: $against, targetSet: SHAOXING_2027) {
                  scenario against limits { childrenNewlyWithin childrenWantingPlaceCoveredBefore childrenWantingPlaceCoveredAfter
                  childrenNewlyCovered } indicators { indicator before after }
                  gaps { childrenOutsideBefore childrenOutsideAfter closed shrunk grown } } }""";
        JsonPath result = GraphQL.ok(against, Map.of("name", "fifteen", "against", "ten"));
        assertEquals("ten", result.getString("data.compareScenario.against"));
        Map<String, Object> fifteen = result.getMap("data.compareScenario.limits[1]");
        // the same place reaches the same children; 16.8 want a place within 15 minutes of it, so 10 and 15 slots fill
        assertEquals(0f, ((Number) fifteen.get("childrenNewlyWithin")).floatValue());
        assertEquals(10f, ((Number) fifteen.get("childrenWantingPlaceCoveredBefore")).floatValue(), 1e-3);
        assertEquals(15f, ((Number) fifteen.get("childrenWantingPlaceCoveredAfter")).floatValue(), 1e-3);
        assertEquals(5f, ((Number) fifteen.get("childrenNewlyCovered")).floatValue(), 1e-3);
        List<Map<String, Object>> indicators = result.getList("data.compareScenario.indicators");
        Map<String, Object> slots = indicators.stream().filter(i -> "SLOTS_PER_THOUSAND_RESIDENTS".equals(i.get("indicator")))
                .findFirst().orElseThrow();
        assertEquals(10 / 16.5, ((Number) slots.get("before")).doubleValue(), 1e-4);
        assertEquals(15 / 16.5, ((Number) slots.get("after")).doubleValue(), 1e-4);
        // the gaps before are the ten's: 2 children in each cell its site does not reach within 15 minutes (today all 330
        // are outside); the fifteen, at the same place, reaches no further
        int reached = cellsWithinFifteenMinutes("ten").size();
        assertTrue(reached > 0);
        assertEquals(330 - 2 * reached, result.getFloat("data.compareScenario.gaps.childrenOutsideBefore"), 1e-3);
        assertEquals(330 - 2 * reached, result.getFloat("data.compareScenario.gaps.childrenOutsideAfter"), 1e-3);
        assertNull(GraphQL.ok(against, Map.of("name", "ten")).getString("data.compareScenario.against"));
        assertEquals(Map.of("closed", 0, "shrunk", 0, "grown", 0), Map.of("closed", result.getInt("data.compareScenario.gaps.closed"),
                "shrunk", result.getInt("data.compareScenario.gaps.shrunk"), "grown", result.getInt("data.compareScenario.gaps.grown")));

        assertTrue(GraphQL.error(against, Map.of("name", "fifteen", "against", "nowhere")).startsWith("against"));
        assertTrue(GraphQL.error(against, Map.of("name", "fifteen", "against", "x".repeat(101))).startsWith("against"));
    }

    @Test
    void closingASiteAndBuildingAnEstate() {
        long existing = createInstitution(institution("existing", 103.985, 30.77, classGroup("TODDLER", 5, 2)));
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "estate", "closed", List.of(existing),
                "estates", List.of(Map.of("location", point(103.975, 30.765), "homes", 1000)))));
        JsonPath scenario = GraphQL.ok(OVERALL, Map.of("p", Map.of("scenario", "estate")));
        // 1,000 homes × 2.62 residents, 2.2 % of them under 3
        assertEquals(16_500 + 2_620f, scenario.getFloat("data.coverage.overall.residents"), 1e-2);
        assertEquals(330 + 57.64f, scenario.getFloat("data.coverage.overall.childrenUnder3"), 1e-2);
        assertEquals(0, scenario.getInt("data.coverage.institutionsCounted"));
        JsonPath result = GraphQL.ok(COMPARE, Map.of("name", "estate"));
        Map<String, Object> fifteen = result.getMap("data.compareScenario.limits[1]");
        // its 5 slots were full (more than 5 children want a place within 15 minutes, as above); closed, nobody is
        assertEquals(5f, ((Number) fifteen.get("childrenWantingPlaceCoveredBefore")).floatValue(), 1e-3);
        assertEquals(-5f, ((Number) fifteen.get("childrenNewlyCovered")).floatValue(), 1e-3);
        assertEquals(1, GraphQL.ok(OVERALL, Map.of()).getInt("data.coverage.institutionsCounted"));
    }

    @Test
    void resizingASite() {
        long existing = createInstitution(institution("existing", 103.985, 30.77, classGroup("TODDLER", 5, 2)));
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "bigger", "resized", List.of(Map.of("institutionId", existing,
                "classGroups", List.of(classGroup("TODDLER", 5, 2), classGroup("OLDER_TODDLER", 5, 0)))))));
        Map<String, Object> fifteen = GraphQL.ok(COMPARE, Map.of("name", "bigger")).getMap("data.compareScenario.limits[1]");
        // 5 slots became 10, all taken: more than 10 children want a place within 15 minutes of it (16.8)
        assertEquals(5f, ((Number) fifteen.get("childrenWantingPlaceCoveredBefore")).floatValue(), 1e-3);
        assertEquals(10f, ((Number) fifteen.get("childrenWantingPlaceCoveredAfter")).floatValue(), 1e-3);
        assertEquals(5f, ((Number) fifteen.get("childrenNewlyCovered")).floatValue(), 1e-3);
        assertEquals(1, database.count("class_group"), "the base keeps its one class group");
    }

    @Test
    void suggestionsCanBeSavedAsAScenario() {
        GraphQL.ok(PlanningApiTest.SUGGEST, Map.of("input", Map.of("sites", 2, "saveAs", "plan")));
        JsonPath scenarios = GraphQL.ok("{ scenarios { nodes { name proposed } } }");
        assertEquals(List.of("plan"), scenarios.getList("data.scenarios.nodes.name"));
        assertEquals(2, scenarios.getInt("data.scenarios.nodes[0].proposed"));
        assertEquals(2, GraphQL.ok(OVERALL, Map.of("p", Map.of("scenario", "plan"))).getInt("data.coverage.institutionsCounted"));
        assertTrue(GraphQL.ok("mutation { deleteScenario(name: \"plan\") { deleted userErrors { field message code } } }").getBoolean("data.deleteScenario.deleted"));
    }

    /** Each planner lists the scenarios they saved; a scenario gives back its proposed sites and is renamed at its version. */
    @Test
    void eachPlannerListsTheirOwnAndRenamesAtTheVersionRead() {
        GraphQL.ok(SAVE, Map.of("input", Map.of("name", "mine", "proposed", List.of(site("new", 103.985, 30.77, 25)))));
        JsonPath theirs = GraphQL.call("planner2", SAVE, Map.of("input", Map.of("name", "theirs", "proposed",
                List.of(site("other", 103.975, 30.765, 10)))));
        assertEquals("theirs", theirs.getString("data.saveScenario.scenario.name"));
        String list = "query($by: String) { scenarios(savedBy: $by) { nodes { name savedBy version proposedSites { name location "
                + "ownership kind inclusive slots } } } }";
        assertEquals(List.of("mine", "theirs"), GraphQL.ok(list, Map.of()).getList("data.scenarios.nodes.name"));
        JsonPath mine = GraphQL.ok(list, Map.of("by", "planner"));
        assertEquals(List.of("mine"), mine.getList("data.scenarios.nodes.name"));
        assertEquals("planner", mine.getString("data.scenarios.nodes[0].savedBy"));
        assertEquals(Map.of("name", "new", "location", Map.of("type", "Point", "coordinates", List.of(103.985f, 30.77f)),
                "ownership", "PUBLIC", "kind", "COMMUNITY", "inclusive", true, "slots", 25),
                mine.getMap("data.scenarios.nodes[0].proposedSites[0]"));
        assertEquals(List.of("theirs"), GraphQL.ok(list, Map.of("by", "planner2")).getList("data.scenarios.nodes.name"));

        String rename = "mutation($name: String!, $newName: String!, $version: Int!) { renameScenario(name: $name, newName: $newName, "
                + "version: $version) { scenario { name version savedBy proposed } userErrors { field message code } } }";
        assertTrue(GraphQL.error(rename, Map.of("name", "mine", "newName", "mine, west", "version", 2)).contains("version 1"));
        assertTrue(GraphQL.error(rename, Map.of("name", "mine", "newName", "theirs", "version", 1)).contains("already named"));
        assertTrue(GraphQL.error(rename, Map.of("name", "mine", "newName", " ", "version", 1)).startsWith("newName"));
        assertTrue(GraphQL.error(rename, Map.of("name", "nowhere", "newName", "x", "version", 1)).contains("nowhere"));
        JsonPath renamed = GraphQL.call("planner2", rename, Map.of("name", "mine", "newName", "mine, west", "version", 1));
        assertEquals(Map.of("name", "mine, west", "version", 2, "savedBy", "planner2", "proposed", 1),
                renamed.getMap("data.renameScenario.scenario"));
        // queries take the new name, and not the old one
        assertEquals(GraphQL.ok(OVERALL, Map.of()).getInt("data.coverage.institutionsCounted") + 1,
                GraphQL.ok(OVERALL, Map.of("p", Map.of("scenario", "mine, west"))).getInt("data.coverage.institutionsCounted"));
        assertTrue(GraphQL.error(OVERALL, Map.of("p", Map.of("scenario", "mine"))).contains("scenario"));
        assertEquals(List.of("mine, west", "theirs"), GraphQL.ok(list, Map.of("by", "planner2")).getList("data.scenarios.nodes.name"));
        assertEquals(List.of(), GraphQL.ok(list, Map.of("by", "planner")).getList("data.scenarios.nodes.name"));
    }

    @Test
    void badScenariosAreRefusedByName() {
        assertTrue(GraphQL.error(OVERALL, Map.of("p", Map.of("scenario", "nowhere"))).contains("scenario"));
        assertTrue(GraphQL.error(COMPARE, Map.of("name", "nowhere")).contains("scenario"));
        assertTrue(GraphQL.error(SAVE, Map.of("input", Map.of("name", "x", "closed", List.of(999_999))))
                .contains("input.closed[0]"));
        assertTrue(GraphQL.error(SAVE, Map.of("input", Map.of("name", "x", "estates",
                List.of(Map.of("location", point(110.0, 20.0), "homes", 10))))).contains("input.estates[0].location"));
        assertTrue(GraphQL.error(SAVE, Map.of("input", Map.of("name", "x"))).contains("input"));
        assertTrue(GraphQL.error(SAVE, Map.of("input", Map.of("name", "x", "proposed",
                List.of(site("bad", 103.985, 30.77, -5))))).contains("input.proposed[0].classGroups[0].slots"));
        assertEquals(0, GraphQL.ok("{ scenarios { totalCount } }").getInt("data.scenarios.totalCount"));
    }
}
