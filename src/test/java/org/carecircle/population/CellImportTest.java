package org.carecircle.population;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A population grid from CSV: WKT polygons or centre points, all or nothing, errors by line and column. */
@QuarkusTest
class CellImportTest {
    static final String IMPORT = """
            mutation($content: String!, $cellMetres: Float, $dryRun: Boolean) {
              importPopulationCells(content: $content, cellMetres: $cellMetres, dryRun: $dryRun) { report { dryRun records inserted updated } userErrors { field message code } } }""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
    }

    static JsonPath load(String content, Double cellMetres, boolean dryRun) {
        return GraphQL.ok(IMPORT, variables("content", content, "cellMetres", cellMetres, "dryRun", dryRun));
    }

    @Test
    void polygonsAndCentres() {
        String csv = """
                网格编号,几何,经度,纬度,常住人口,3岁以下儿童
                a,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",,,250,6
                b,,103.975,30.765,400,9.5
                """;
        assertEquals(2, load(csv, 200.0, true).getInt("data.importPopulationCells.report.inserted"));
        assertEquals(0, database.count("population_cell"));
        load(csv, 200.0, false);
        JsonPath cells = GraphQL.ok("{ populationCells(boundingBox: {west: 103.96, south: 30.75, east: 103.99, north: 30.78}) "
                + "{ nodes { cellId boundary residents childrenUnder3 } } }");
        assertEquals(List.of("a", "b"), cells.getList("data.populationCells.nodes.cellId"));
        assertEquals(9.5f, cells.getFloat("data.populationCells.nodes[1].childrenUnder3"));
        // b is a 200 m square around its centre: 200 / 111,195 m a degree of latitude
        List<List<Float>> ring = cells.getList("data.populationCells.nodes[1].boundary.coordinates[0]");
        double south = ((Number) ring.get(0).get(1)).doubleValue(), north = ((Number) ring.get(2).get(1)).doubleValue();
        assertEquals(200 / 111_195.08, north - south, 2e-6);
    }

    @Test
    void badLinesAreNamedAndNothingIsWritten() {
        String csv = """
                cellId,wkt,residents,childrenUnder3
                a,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",250,6
                b,"POINT (103.97 30.76)",100,2
                c,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",many,2
                d,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",10,20
                a,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",5,1
                """;
        String message = GraphQL.error(IMPORT, Map.of("content", csv));
        assertTrue(message.contains("line 3 wkt: must be a POLYGON"), message);
        assertTrue(message.contains("line 4 residents: \"many\" is not a number"), message);
        assertEquals(0, database.count("population_cell"));
        String rules = GraphQL.error(IMPORT, Map.of("content", """
                cellId,wkt,residents,childrenUnder3
                d,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",10,20
                d,"POLYGON ((103.97 30.76, 103.971 30.76, 103.971 30.761, 103.97 30.761, 103.97 30.76))",10,2
                """));
        assertTrue(rules.contains("line 2 childrenUnder3"), rules);
        assertTrue(rules.contains("line 3 cellId"), rules);
        assertTrue(GraphQL.error(IMPORT, Map.of("content", "cellId,residents\n")).contains("line 1"));
        assertTrue(GraphQL.error(IMPORT, Map.of("content", "")).contains("content: is empty"));
        assertEquals(0, database.count("population_cell"));
    }
}
