package org.carecircle.area;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Areas from GeoJSON: parents in the same file, Chinese property names, all or nothing, dry runs. */
@QuarkusTest
class AreaImportTest {
    static final String IMPORT = "mutation($content: String!, $dryRun: Boolean) { importAreas(content: $content, dryRun: $dryRun) "
            + "{ report { dryRun records inserted updated } userErrors { field message code } } }";
    static final String FILE = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"代码": "510124101", "名称": "犀浦街道", "级别": "街道", "上级代码": "510124", "常住人口": 120000},
               "geometry": {"type": "Polygon", "coordinates": [[[103.96, 30.75], [103.98, 30.75], [103.98, 30.78], [103.96, 30.78], [103.96, 30.75]]]}},
              {"type": "Feature", "properties": {"code": "510124", "name": "郫都区", "level": "DISTRICT", "residents": 1390000},
               "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.9], [103.9, 30.7]]]}}
            ]}""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
    }

    @Test
    void parentsAndChildrenInOneFile() {
        JsonPath dry = GraphQL.ok(IMPORT, Map.of("content", FILE, "dryRun", true));
        assertEquals(2, dry.getInt("data.importAreas.report.inserted"));
        assertEquals(0, database.count("area"));
        GraphQL.ok(IMPORT, Map.of("content", FILE));
        JsonPath area = GraphQL.ok("{ area(code: \"510124101\") { name level parent { code } residents } }");
        assertEquals("犀浦街道", area.getString("data.area.name"));
        assertEquals("SUBDISTRICT", area.getString("data.area.level"));
        assertEquals("510124", area.getString("data.area.parent.code"));
        assertEquals(120000, area.getInt("data.area.residents"));
        JsonPath again = GraphQL.ok(IMPORT, Map.of("content", FILE));
        assertEquals(List.of(0, 2), List.of(again.getInt("data.importAreas.report.inserted"), again.getInt("data.importAreas.report.updated")));
    }

    @Test
    void everyBadFeatureIsNamedAndNothingIsWritten() {
        String bad = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "A", "name": "ok", "level": "DISTRICT"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.7]]]}},
                  {"type": "Feature", "properties": {"code": "B", "name": "bad level", "level": "省"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.7]]]}},
                  {"type": "Feature", "properties": {"name": "no code", "level": "街道", "常住人口": -5}, "geometry": null},
                  {"type": "Feature", "properties": {"code": "D", "name": "orphan", "level": "街道", "parentCode": "NOPE"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.7]]]}}
                ]}""";
        String message = GraphQL.error(IMPORT, Map.of("content", bad));
        assertTrue(message.contains("feature 2 level: \"省\" is not one of"), message);
        assertTrue(message.contains("feature 3 code: is required"), message);
        assertTrue(message.contains("feature 3 residents"), message);
        assertTrue(message.contains("feature 3 geometry"), message);
        assertEquals(0, database.count("area"));
        String orphan = GraphQL.error(IMPORT, Map.of("content", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "D", "name": "orphan", "level": "街道", "parentCode": "NOPE"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.7]]]}}
                ]}"""));
        assertTrue(orphan.contains("feature 1") && orphan.contains("parentCode"), orphan);
        assertEquals(0, database.count("area"));
        assertTrue(GraphQL.error(IMPORT, Map.of("content", "[]")).contains("content"));
    }

    /** One code twice in one file once kept the second silently; an empty MultiPolygon was an area of nothing. */
    @Test
    void aCodeTwiceOrAnEmptyShapeIsRefused() {
        String twice = GraphQL.error(IMPORT, Map.of("content", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "A", "name": "first", "level": "DISTRICT"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.1, 30.7], [104.1, 30.9], [103.9, 30.7]]]}},
                  {"type": "Feature", "properties": {"code": "A", "name": "second", "level": "DISTRICT"},
                   "geometry": {"type": "Polygon", "coordinates": [[[103.9, 30.7], [104.0, 30.7], [104.0, 30.8], [103.9, 30.7]]]}}
                ]}"""));
        assertTrue(twice.contains("feature 2 code: \"A\" is also on feature 1"), twice);
        String empty = GraphQL.error(IMPORT, Map.of("content", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"code": "E", "name": "nothing", "level": "DISTRICT"},
                   "geometry": {"type": "MultiPolygon", "coordinates": []}}
                ]}"""));
        assertTrue(empty.contains("feature 1.boundary: is an empty MultiPolygon"), empty);
        assertEquals(0, database.count("area"));
    }
}
