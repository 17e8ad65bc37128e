package org.carecircle.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.engine.indicator.Indicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.area;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createArea;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.rectangle;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.carecircle.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A toy district on the Xipu extract, every figure worked out by hand. District D (100,000
 * residents published) holds S1 (west, 60,000 published) and S2 (east, no published figure: the
 * grid's 8,800). Operating institutions: A in S1, public community site, inclusive, grade 2,
 * municipal demonstration, INFANT 10 slots / 5 enrolled and TODDLER 20 / 10; B in S1, private
 * kindergarten, OLDER_TODDLER 50 / 40; C in S2, publicly built and privately run, inclusive,
 * OLDER_TODDLER 20 / 5. A planned public site in S2 with 100 slots counts for nothing. 165 cells of
 * 100 residents and 2 children under 3 (330 children).
 */
@QuarkusTest
class IndicatorApiTest {
    static final double WEST = 103.9665, SOUTH = 30.7563, SIZE = 0.002, MIDDLE = WEST + 7 * SIZE;
    static final int COLUMNS = 15, ROWS = 11;
    static final String QUERY = """
            query($set: TargetSetId!, $level: AreaLevel, $code: String, $p: CoverageParameters) {
              indicators(targetSet: $set, level: $level, areaCode: $code, parameters: $p) {
                targetSet { id source }
                areas { nodes { area { code } residents residentsEstimated
                        indicators { indicator value numerator denominator target strict met estimated
                                     gap { amount unit areasWithout text(language: EN) chinese: text } } } } } }""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
        Map<String, Object> district = area("D", "DISTRICT", null, rectangle(WEST, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE));
        district.put("residents", 100_000);
        createArea(district);
        Map<String, Object> west = area("S1", "SUBDISTRICT", "D", rectangle(WEST, SOUTH, MIDDLE, SOUTH + ROWS * SIZE));
        west.put("residents", 60_000);
        createArea(west);
        createArea(area("S2", "SUBDISTRICT", "D", rectangle(MIDDLE, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE)));

        Map<String, Object> a = institution("A", 103.970, 30.765, classGroup("INFANT", 10, 5), classGroup("TODDLER", 20, 10));
        a.putAll(Map.of("ownership", "PUBLIC", "kind", "COMMUNITY", "inclusive", true, "grade", 2, "demonstration", "MUNICIPAL"));
        createInstitution(a);
        Map<String, Object> b = institution("B", 103.975, 30.770, classGroup("OLDER_TODDLER", 50, 40));
        b.put("kind", "KINDERGARTEN_NURSERY");
        createInstitution(b);
        Map<String, Object> c = institution("C", 103.990, 30.765, classGroup("OLDER_TODDLER", 20, 5));
        c.putAll(Map.of("ownership", "PUBLIC_BUILT_PRIVATELY_RUN", "inclusive", true));
        createInstitution(c);
        Map<String, Object> planned = institution("E", 103.985, 30.772, classGroup("TODDLER", 100, 0));
        planned.putAll(Map.of("ownership", "PUBLIC", "status", "PLANNED"));
        createInstitution(planned);

        upsertXipuGrid(2.0);
    }

    static JsonPath indicators(String set, String level, String code) {
        return GraphQL.ok(QUERY, variables("set", set, "level", level, "code", code));
    }

    static Map<String, Object> indicator(JsonPath result, int area, String name) {
        List<Map<String, Object>> values = result.getList("data.indicators.areas.nodes[" + area + "].indicators");
        return values.stream().filter(v -> name.equals(v.get("indicator"))).findFirst().orElseThrow();
    }

    static void check(Map<String, Object> found, double value, Double target, Boolean met, String gap) {
        assertEquals(value, ((Number) found.get("value")).doubleValue(), 1e-4, found.toString());
        if (target == null) {
            assertNull(found.get("target"), found.toString());
        } else {
            assertEquals(target, ((Number) found.get("target")).doubleValue(), 1e-6, found.toString());
        }
        assertEquals(met, found.get("met"), found.toString());
        assertEquals(gap, found.get("gap") == null ? null : ((Map<?, ?>) found.get("gap")).get("text"), found.toString());
    }

    @Test
    void theDistrictAgainstShaoxing2027() {
        JsonPath result = indicators("SHAOXING_2027", "DISTRICT", null);
        assertEquals("D", result.getString("data.indicators.areas.nodes[0].area.code"));
        assertEquals(100_000f, result.getFloat("data.indicators.areas.nodes[0].residents"));
        check(indicator(result, 0, "SLOTS_PER_THOUSAND_RESIDENTS"), 1.0, 5.5, false, "450 more slots");
        // the same gap as a number and a unit, and in Chinese
        assertEquals(Map.of("amount", 450, "unit", "SLOTS", "areasWithout", List.of(), "text", "450 more slots",
                "chinese", "还需 450 个托位"), indicator(result, 0, "SLOTS_PER_THOUSAND_RESIDENTS").get("gap"));
        check(indicator(result, 0, "PUBLIC_SHARE"), 0.5, 0.6, false, "10 more public slots (converted or newly built public)");
        check(indicator(result, 0, "UNDER_2_SHARE"), 0.3, 0.12, true, null);
        check(indicator(result, 0, "UTILIZATION"), 0.6, 0.7, false, "10 more children enrolled in the existing slots");
        // 24 % of 330 children is 79.2: 80 enrolled, 20 more than the 60
        check(indicator(result, 0, "ENROLLMENT_RATE"), 60.0 / 330, 0.24, false, "20 more children enrolled");
        check(indicator(result, 0, "SUBDISTRICT_INSTITUTION_COVERAGE"), 1.0, 1.0, true, null);
        // only S1 has 50,000 residents, and A is its public inclusive demonstration site
        check(indicator(result, 0, "LARGE_AREA_PUBLIC_MODEL_COVERAGE"), 1.0, 1.0, true, null);
        check(indicator(result, 0, "GRADED_SHARE"), 1.0 / 3, 0.9, false, "2 more institutions graded");
        Map<String, Object> lifeCircle = indicator(result, 0, "LIFE_CIRCLE_5_MINUTE_RATE");
        assertEquals(165.0, ((Number) lifeCircle.get("denominator")).doubleValue());
        assertTrue(((Number) lifeCircle.get("numerator")).doubleValue() > 0);
        Map<String, Object> circle = indicator(result, 0, "SERVICE_CIRCLE_15_MINUTE_COVERAGE");
        // 330 children × 0.24 want a place; at most the 100 slots can be given
        assertEquals(79.2, ((Number) circle.get("denominator")).doubleValue(), 1e-4);
        assertTrue(((Number) circle.get("numerator")).doubleValue() <= 79.2 + 1e-4);
        assertNull(circle.get("target"));
    }

    @Test
    void chongqingSubdistrictsAndEstimatedResidents() {
        JsonPath result = indicators("CHONGQING_2025", "SUBDISTRICT", null);
        assertEquals(List.of("S1", "S2"), result.getList("data.indicators.areas.nodes.area.code"));
        check(indicator(result, 0, "SLOTS_PER_THOUSAND_RESIDENTS"), 80 / 60.0, 4.5, false, "190 more slots");
        assertEquals(false, result.getBoolean("data.indicators.areas.nodes[0].residentsEstimated"));
        // S2 has no published figure: 88 cells × 100 residents from the grid, flagged as an estimate
        assertEquals(8_800f, result.getFloat("data.indicators.areas.nodes[1].residents"));
        assertEquals(true, result.getBoolean("data.indicators.areas.nodes[1].residentsEstimated"));
        Map<String, Object> perThousand = indicator(result, 1, "SLOTS_PER_THOUSAND_RESIDENTS");
        check(perThousand, 20 / 8.8, 4.5, false, "20 more slots");
        assertEquals(true, perThousand.get("estimated"));
        check(indicator(result, 0, "INCLUSIVE_SHARE"), 30 / 80.0, 0.6, false, "18 more slots made inclusive");
        check(indicator(result, 1, "SUBDISTRICT_INCLUSIVE_COVERAGE"), 1.0, 0.9, true, null);
        assertEquals(true, indicator(result, 1, "SUBDISTRICT_INCLUSIVE_COVERAGE").get("strict"));
    }

    @Test
    void aSubdistrictWithoutAnInclusiveInstitutionIsNamed() {
        database.clear();
        prepareWithoutInclusiveInTheEast();
        JsonPath result = indicators("CHONGQING_2025", null, "D");
        check(indicator(result, 0, "SUBDISTRICT_INCLUSIVE_COVERAGE"), 0.5, 0.9, false,
                "1 more subdistrict or town needs an inclusive institution (without: Area S2)");
        assertEquals("还需 1 个街道或乡镇设立普惠性托育机构（尚无：Area S2）",
                ((Map<?, ?>) indicator(result, 0, "SUBDISTRICT_INCLUSIVE_COVERAGE").get("gap")).get("chinese"));
    }

    private void prepareWithoutInclusiveInTheEast() {
        createArea(area("D", "DISTRICT", null, rectangle(WEST, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE)));
        createArea(area("S1", "SUBDISTRICT", "D", rectangle(WEST, SOUTH, MIDDLE, SOUTH + ROWS * SIZE)));
        createArea(area("S2", "SUBDISTRICT", "D", rectangle(MIDDLE, SOUTH, WEST + COLUMNS * SIZE, SOUTH + ROWS * SIZE)));
        Map<String, Object> a = institution("A", 103.970, 30.765, classGroup("TODDLER", 20, 10));
        a.put("inclusive", true);
        createInstitution(a);
        createInstitution(institution("C", 103.990, 30.765, classGroup("TODDLER", 20, 10)));
    }

    @Test
    void targetSetsAreListedWithTheirSources() {
        JsonPath result = GraphQL.ok("{ targetSets { id name source targets { indicator value strict } } }");
        assertEquals(List.of("CHONGQING_2025", "YUBEI_2025", "SHAOXING_2024", "SHAOXING_2027", "NORM_NEW_RESIDENTIAL",
                "NORM_EXISTING_RESIDENTIAL"), result.getList("data.targetSets.id"));
        assertEquals(List.of(10f), result.getList("data.targetSets[4].targets.value", Float.class));
    }

    @Test
    void badRequestsAreRefusedByName() {
        assertTrue(GraphQL.error(QUERY, Map.of("set", "BEIJING_2030")).contains("BEIJING_2030"));
        assertTrue(GraphQL.error(QUERY, Map.of("set", "YUBEI_2025", "p", Map.of("minutes", List.of(10.0))))
                .contains("parameters.minutes"));
        assertTrue(GraphQL.error(QUERY, Map.of("set", "YUBEI_2025", "p", Map.of("takeUpRate", 0.0))).contains("takeUpRate"));
        assertTrue(GraphQL.error(QUERY, Map.of("set", "YUBEI_2025", "code", "NOWHERE")).contains("areaCode"));
    }

    @Test
    void indicatorsExportAsCsv() {
        String csv = given().queryParam("targetSet", "YUBEI_2025").queryParam("level", "SUBDISTRICT")
                .get("/export/indicators.csv").then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFF代码,名称,级别,指标代码,指标,"), lines[0]);
        assertEquals(1 + 2 * Indicator.values().length, lines.length);
        JsonPath geoJson = given().queryParam("targetSet", "CHONGQING_2025").queryParam("level", "SUBDISTRICT")
                .get("/export/indicators.geojson").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("S1", "S2"), geoJson.getList("features.properties.areaCode"));
        assertEquals("MultiPolygon", geoJson.getString("features[0].geometry.type"));
        assertEquals("还需 190 个托位", geoJson.getString("features[0].properties.slotsPerThousandResidentsGap"));
        String english = given().queryParam("targetSet", "YUBEI_2025").queryParam("language", "en")
                .get("/export/indicators.csv").then().statusCode(200).extract().asString();
        assertTrue(english.startsWith("\uFEFFareaCode,areaName,level,indicator,label,"), english);
        assertEquals("190 more slots", given().queryParam("targetSet", "CHONGQING_2025").queryParam("level", "SUBDISTRICT")
                .header("Accept-Language", "en-GB,en;q=0.8").get("/export/indicators.geojson").then().statusCode(200)
                .extract().jsonPath().getString("features[0].properties.slotsPerThousandResidentsGap"));
        given().queryParam("targetSet", "NOPE").get("/export/indicators.csv").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("targetSet"));
    }
}
