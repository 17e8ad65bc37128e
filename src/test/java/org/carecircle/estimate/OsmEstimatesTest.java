package org.carecircle.estimate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo district from the real Xipu extract: every estimate labelled, re-runs replace, real data stays. */
@QuarkusTest
class OsmEstimatesTest {
    static final String ESTIMATE = """
            mutation($residents: Float, $share: Float) { estimateFromOsm(residents: $residents, childrenShare: $share) { report {
              extract areaCodes populationCells residents childrenUnder3 populationMethod institutions institutionMethod } userErrors { field message code } } }""";

    @Inject
    TestDatabase database;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void prepare() {
        database.clear();
    }

    @Transactional
    double sum(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).doubleValue();
    }

    @Test
    void xipuFromOpenStreetMap() {
        long real = createInstitution(institution("a real one", 103.975, 30.765, classGroup("TODDLER", 10, 5)));
        JsonPath first = GraphQL.ok(ESTIMATE, Map.of());
        String report = "data.estimateFromOsm.report.";
        assertTrue(first.getList(report + "areaCodes").contains("osm-chengdu-xipu"));
        int cells = first.getInt(report + "populationCells");
        assertTrue(cells > 100, "cells " + cells);
        assertEquals(5, first.getInt(report + "institutions"));
        assertEquals(cells, database.count("population_cell"));
        assertEquals(first.getDouble(report + "residents"), sum("SELECT sum(residents) FROM population_cell"), 1.0);
        assertEquals(0.0, sum("SELECT count(*) FROM population_cell WHERE NOT estimated OR estimation_method IS NULL"));
        assertEquals(5.0, sum("SELECT count(*) FROM institution WHERE estimated AND estimation_method LIKE 'OpenStreetMap%'"));
        assertEquals(5.0, sum("SELECT count(*) FROM institution WHERE kind = 'KINDERGARTEN_NURSERY' AND external_id LIKE 'osm:%'"));
        // 20 slots, 7 enrolled (35.9 %) each
        assertEquals(100.0, sum("SELECT sum(slots) FROM class_group g JOIN institution i ON i.id = g.institution_id "
                + "WHERE i.external_id LIKE 'osm:%'"));

        // again, scaled to 60,000 residents: the estimates are replaced, the real institution stays
        JsonPath second = GraphQL.ok(ESTIMATE, Map.of("residents", 60_000.0, "share", 0.03));
        assertEquals(cells, second.getInt(report + "populationCells"));
        assertEquals(cells, database.count("population_cell"));
        assertEquals(60_000, sum("SELECT sum(residents) FROM population_cell"), cells * 0.05 + 1);
        assertEquals(0.03 * 60_000, sum("SELECT sum(children_under3) FROM population_cell"), cells * 0.005 + 1);
        assertEquals(6, database.count("institution"));
        assertEquals(1.0, sum("SELECT count(*) FROM institution WHERE id = " + real));
    }

    @Test
    void theSummaryAgreesWithTheDatabase() {
        GraphQL.ok(ESTIMATE, Map.of());
        String summary = given().queryParam("targetSet", "SHAOXING_2027").header("Accept-Language", "en-US,en;q=0.9")
                .get("/summary.txt").then().statusCode(200).extract().asString();
        long children = Math.round(sum("SELECT sum(children_under3) FROM population_cell"));
        long residents = Math.round(sum("SELECT sum(residents) FROM population_cell"));
        assertTrue(summary.contains("5 institutions counted"), summary);
        assertTrue(summary.contains(residents + " residents, " + children + " children under 3"), summary);
        assertTrue(summary.contains(" 5 minutes: ") && summary.contains("15 minutes: "), summary);
        assertTrue(summary.contains("Largest gap areas"), summary);
        assertTrue(summary.contains("Indicators of Study area chengdu-xipu against Shaoxing"), summary);
        // the study area has no published residents: per 1,000 uses the estimated grid
        assertTrue(summary.contains("slots per 1,000 residents: ") && summary.contains("[estimated]"), summary);
        List<String> lines = summary.lines().toList();
        assertTrue(lines.size() > 8, summary);
        // Chinese unless asked otherwise: the same figures, line for line
        String chinese = given().queryParam("targetSet", "SHAOXING_2027").get("/summary.txt").then().statusCode(200)
                .extract().asString();
        assertTrue(chinese.contains("计入 5 家托育机构") && chinese.contains("常住人口 " + residents + "，3岁以下婴幼儿 " + children),
                chinese);
        assertTrue(chinese.contains("每千人口托位数：") && chinese.contains("［估算］"), chinese);
        assertEquals(lines.size(), chinese.lines().count(), chinese);
        given().queryParam("language", "fr").get("/summary.txt").then().statusCode(400);
    }

    @Test
    void badParametersAreRefused() {
        assertTrue(GraphQL.error(ESTIMATE, Map.of("share", 1.5)).contains("childrenShare"));
        assertTrue(GraphQL.error(ESTIMATE, Map.of("residents", -5.0)).contains("residents"));
        assertEquals(0, database.count("population_cell"));
    }
}
