package org.carecircle.planning;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.institution.OsmChildcareReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.point;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Site suggestions on the Xipu extract: the grid of 165 cells with 2 children each (79.2 wanting a
 * place at the default 24 %) and one existing kindergarten of 20 slots.
 */
@QuarkusTest
class PlanningApiTest {
    public static final String SUGGEST = """
            query($input: SiteSuggestionInput!) { suggestSites(input: $input) {
              minutes candidates candidateReduction childrenWantingPlace childrenWantingPlaceCoveredBefore guarantee featureCollection fewerSitesBecause
              sites { totalCount nodes { rank candidate location slots childrenNewlyCovered cumulativeNewlyCovered
                      childrenWantingPlaceCoveredShare openingIncentive operatingSubsidyPerYear rentSubsidyPerYear } } } }""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
        OsmChildcareReader.Place first = OsmChildcareReader.read(new File("../shared/data/osm/chengdu-xipu.osm")).get(0);
        createInstitution(institution("existing", first.longitude(), first.latitude(), classGroup("OLDER_TODDLER", 20, 0)));
        upsertXipuGrid(2.0);
    }

    static JsonPath suggest(Map<String, Object> input) {
        return GraphQL.ok(SUGGEST, Map.of("input", input));
    }

    @Test
    void aSmallSiteInAPopulatedPlaceFillsItsSlots() {
        JsonPath result = suggest(Map.of("candidates", "POINTS", "sites", 1,
                "points", List.of(Map.of("location", point(103.985, 30.77), "slots", 5))));
        assertEquals(79.2f, result.getFloat("data.suggestSites.childrenWantingPlace"), 1e-3);
        float before = result.getFloat("data.suggestSites.childrenWantingPlaceCoveredBefore");
        assertTrue(before > 0 && before <= 20 + 1e-3, "the kindergarten's 20 slots at most: " + before);
        assertEquals(5f, result.getFloat("data.suggestSites.sites.nodes[0].childrenNewlyCovered"), 1e-3);
        assertEquals((before + 5) / 79.2f, result.getFloat("data.suggestSites.sites.nodes[0].childrenWantingPlaceCoveredShare"), 1e-3);
        // Yubei: 3,000 CNY a slot; (900 + 2·800 + 3·700) / 6 = 766.67 CNY a child a year; 720 CNY a slot a year
        assertEquals(15_000f, result.getFloat("data.suggestSites.sites.nodes[0].openingIncentive"));
        assertEquals(3_833f, result.getFloat("data.suggestSites.sites.nodes[0].operatingSubsidyPerYear"));
        assertEquals(3_600f, result.getFloat("data.suggestSites.sites.nodes[0].rentSubsidyPerYear"));
        assertEquals(1, result.getList("data.suggestSites.featureCollection.features").size());
        assertEquals(1, database.count("institution"), "a suggestion writes nothing");
    }

    /**
     * The grid's 165 cells minus those the kindergarten covers are more than the 50 candidates the
     * test profile lets one suggestion weigh: squares make them fewer, the answer says so, and the
     * choice still covers what the sites' slots allow.
     */
    @Test
    void moreCellsThanASuggestionWeighsAreMadeFewerBySquares() {
        JsonPath result = GraphQL.ok("""
                query($input: SiteSuggestionInput!) { suggestSites(input: $input) {
                  candidates candidateReduction sites { nodes { rank childrenNewlyCovered } } } }""",
                Map.of("input", Map.of("sites", 3, "slotsPerSite", 10)));
        int candidates = result.getInt("data.suggestSites.candidates");
        assertTrue(candidates > 0 && candidates <= 50, "at most 50 candidates: " + candidates);
        String reduction = result.getString("data.suggestSites.candidateReduction");
        assertTrue(reduction.contains("more than the 50 candidates") && reduction.contains("(" + candidates + " candidates)"),
                reduction);
        // three sites of 10 slots among 79 children wanting a place, 20 of them covered already
        assertEquals(3, result.getList("data.suggestSites.sites.nodes").size());
        assertEquals(10f, result.getFloat("data.suggestSites.sites.nodes[0].childrenNewlyCovered"), 1e-3);
        assertNull(suggest(Map.of("candidates", "POINTS", "sites", 1,
                "points", List.of(Map.of("location", point(103.985, 30.77))))).get("data.suggestSites.candidateReduction"));
    }

    @Test
    void aSecondSiteOnTheSameSpotAddsNothingAndIsNotChosen() {
        Map<String, Object> spot = Map.of("location", point(103.985, 30.77), "slots", 200);
        JsonPath result = suggest(Map.of("candidates", "POINTS", "sites", 2, "points", List.of(spot, spot)));
        assertEquals(1, result.getList("data.suggestSites.sites.nodes").size());
        // and the answer says why it holds fewer sites than asked for (it once said nothing)
        assertEquals("only 1 of the 2 sites asked for add coverage: every other candidate is too close to a chosen site "
                + "or reaches no child still uncovered within 15 minutes", result.getString("data.suggestSites.fewerSitesBecause"));
    }

    @Test
    void cellsAsCandidatesGainLessAndLessUpToATarget() {
        JsonPath result = suggest(Map.of("sites", 4, "slotsPerSite", 10, "minDistanceMetres", 500));
        List<Float> gains = result.getList("data.suggestSites.sites.nodes.childrenNewlyCovered", Float.class);
        assertEquals(4, gains.size());
        for (int i = 1; i < gains.size(); i++) {
            assertTrue(gains.get(i) <= gains.get(i - 1) + 1e-3, gains.toString());
        }
        List<Float> longitudes = result.getList("data.suggestSites.sites.nodes.collect { it.location.coordinates[0] }", Float.class);
        List<Float> latitudes = result.getList("data.suggestSites.sites.nodes.collect { it.location.coordinates[1] }", Float.class);
        for (int i = 0; i < longitudes.size(); i++) {
            for (int j = 0; j < i; j++) {
                double north = (latitudes.get(i) - latitudes.get(j)) * 111_195;
                double east = (longitudes.get(i) - longitudes.get(j)) * 111_195 * Math.cos(Math.toRadians(30.77));
                assertTrue(Math.hypot(north, east) >= 500, "sites " + i + " and " + j + " closer than 500 m");
            }
        }
        float before = result.getFloat("data.suggestSites.childrenWantingPlaceCoveredBefore");
        JsonPath reached = suggest(Map.of("sites", 10, "slotsPerSite", 10, "coverageTarget", (before + 1) / 79.2));
        assertEquals(1, reached.getList("data.suggestSites.sites.nodes").size());
        assertTrue(reached.getString("data.suggestSites.fewerSitesBecause").startsWith("1 of the 10 sites asked for reach "
                + "the coverage target"), reached.prettify());
        assertNull(result.getString("data.suggestSites.fewerSitesBecause"));
        assertTrue(reached.getString("data.suggestSites.guarantee").contains("63.2 %")
                || reached.getString("data.suggestSites.guarantee").contains("100.0 %"));
    }

    @Test
    void osmCandidatesAreTheExtractsSchoolsAndLibrary() {
        // Xipu maps 4 schools and 1 library (amenity=school, amenity=library)
        JsonPath result = suggest(Map.of("candidates", "OSM", "sites", 5, "slotsPerSite", 5));
        assertEquals(5, result.getInt("data.suggestSites.candidates"));
        List<String> chosen = result.getList("data.suggestSites.sites.nodes.candidate");
        assertTrue(chosen.stream().allMatch(label -> label.startsWith("OSM ")), chosen.toString());
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("candidates", "OSM", "sites", 6))).contains("sites"));
    }

    @Test
    void badRequestsAreRefusedByName() {
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("sites", 0))).contains("sites"));
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("candidates", "POINTS"))).contains("points"));
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("candidates", "POINTS", "sites", 2,
                "points", List.of(Map.of("location", point(103.985, 30.77)))))).contains("sites"));
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("boundingBox",
                Map.of("west", 10.0, "south", 10.0, "east", 10.1, "north", 10.1)))).contains("candidates"));
        assertTrue(GraphQL.error(SUGGEST, Map.of("input", Map.of("coverageTarget", 1.5))).contains("coverageTarget"));
    }
}
