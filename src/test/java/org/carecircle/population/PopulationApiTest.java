package org.carecircle.population;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PopulationApiTest {
    private static final String UPSERT =
            "mutation($cells: [PopulationCellInput!]!) { upsertPopulationCells(cells: $cells) { result { inserted updated } userErrors { field message code } } }";
    private static final String IN_BOX = "query($box: BoundingBoxInput!) { populationCells(boundingBox: $box) { nodes { "
            + "cellId boundary residents childrenUnder3 source year estimated estimationMethod } } }";
    private static final String PAGE = """
            query($box: BoundingBoxInput!, $first: Int, $after: String, $last: Int, $before: String) {
              populationCells(boundingBox: $box, first: $first, after: $after, last: $last, before: $before) {
                totalCount edges { cursor node { id cellId } }
                pageInfo { startCursor endCursor hasPreviousPage hasNextPage } } }""";
    /** 100 m is about 0.001 degrees here: cells of the lattice are 0.001 degrees square. */
    private static final double SIDE = 0.001;

    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    private static Map<String, Object> cell(int column, int row, double residents, double children) {
        Map<String, Object> cell = new HashMap<>();
        cell.put("cellId", "c" + column + "_" + row);
        double west = 104.0 + column * SIDE;
        double south = 30.7 + row * SIDE;
        cell.put("boundary", rectangle(west, south, west + SIDE, south + SIDE));
        cell.put("residents", residents);
        cell.put("childrenUnder3", children);
        return cell;
    }

    private static Map<String, Object> box(double west, double south, double east, double north) {
        return Map.of("box", Map.of("west", west, "south", south, "east", east, "north", north));
    }

    @Test
    void upsertInsertsThenReplacesByCellId() {
        JsonPath first = GraphQL.ok(UPSERT, Map.of("cells", List.of(cell(0, 0, 100, 2), cell(1, 0, 200, 4), cell(2, 0, 300, 6))));
        assertEquals(3, first.getInt("data.upsertPopulationCells.result.inserted"));
        assertEquals(0, first.getInt("data.upsertPopulationCells.result.updated"));

        Map<String, Object> estimated = cell(1, 0, 250, 5.5);
        estimated.putAll(Map.of("estimated", true, "estimationMethod", "buildings x levels", "source", "OSM", "year", 2025));
        JsonPath second = GraphQL.ok(UPSERT, Map.of("cells", List.of(estimated, cell(3, 0, 50, 1))));
        assertEquals(1, second.getInt("data.upsertPopulationCells.result.inserted"));
        assertEquals(1, second.getInt("data.upsertPopulationCells.result.updated"));
        assertEquals(4, database.count("population_cell"));

        // the box covers the middle of columns 1 and 2 only
        JsonPath read = GraphQL.ok(IN_BOX, box(104.0015, 30.0, 104.0025, 30.8));
        assertEquals(List.of("c1_0", "c2_0"), read.getList("data.populationCells.nodes.cellId"));
        assertEquals(250.0, read.getDouble("data.populationCells.nodes[0].residents"));
        assertEquals(5.5, read.getDouble("data.populationCells.nodes[0].childrenUnder3"));
        assertEquals(true, read.getBoolean("data.populationCells.nodes[0].estimated"));
        assertEquals("buildings x levels", read.getString("data.populationCells.nodes[0].estimationMethod"));
        assertEquals(2025, read.getInt("data.populationCells.nodes[0].year"));
        assertEquals("Polygon", read.getString("data.populationCells.nodes[1].boundary.type"));
        assertEquals(false, read.getBoolean("data.populationCells.nodes[1].estimated"));
    }

    @Test
    void oneBadCellWritesNothing() {
        GraphQL.ok(UPSERT, Map.of("cells", List.of(cell(0, 0, 100, 2))));
        String message = GraphQL.error(UPSERT, Map.of("cells", List.of(cell(0, 0, 999, 9), cell(1, 0, 10, 11), cell(2, 0, 5, 1))));
        assertEquals("cells[1].childrenUnder3: 11.0 children under 3 is more than the cell's 10.0 residents", message);
        assertEquals(1, database.count("population_cell"));
        assertEquals(100.0, GraphQL.ok(IN_BOX, box(104.0, 30.7, 104.0005, 30.7005)).getDouble("data.populationCells.nodes[0].residents"));
    }

    @Test
    void negativeResidentsAreRefused() {
        assertEquals("cells[0].residents: must be a number from 0 to 1,000,000 (got -3.0)",
                GraphQL.error(UPSERT, Map.of("cells", List.of(cell(0, 0, -3, 0)))));
        assertEquals(0, database.count("population_cell"));
    }

    /** 1e308 residents once went in and made every sum and indicator nonsense. */
    @Test
    void implausiblePeopleAreRefused() {
        String message = GraphQL.error(UPSERT, Map.of("cells", List.of(cell(0, 0, 1e308, 1e308))));
        assertTrue(message.contains("cells[0].residents: must be a number from 0 to 1,000,000 (got 1.0E308)"), message);
        assertTrue(message.contains("cells[0].childrenUnder3: must be a number from 0 to 1,000,000"), message);
        assertEquals(0, database.count("population_cell"));
    }

    @Test
    void repeatedCellIdIsRefused() {
        assertEquals("cells[1].cellId: \"c0_0\" appears more than once in this call",
                GraphQL.error(UPSERT, Map.of("cells", List.of(cell(0, 0, 3, 0), cell(0, 0, 4, 0)))));
        assertEquals(0, database.count("population_cell"));
    }

    @Test
    void invalidCellBoundaryIsRefused() {
        Map<String, Object> cell = cell(0, 0, 3, 0);
        cell.put("boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(104.0, 30.0), List.of(104.1, 30.0)))));
        assertEquals("cells[0].boundary: coordinates[0] needs at least 4 positions, has 2",
                GraphQL.error(UPSERT, Map.of("cells", List.of(cell))));
    }

    @Test
    void emptyAndOversizedBatchesAreRefused() {
        assertEquals("cells: must hold at least one cell", GraphQL.error(UPSERT, Map.of("cells", List.of())));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(cell(i % 100, i / 100, 1, 0));
        }
        assertEquals("cells: holds 1001 cells, more than the 1000 one call may write",
                GraphQL.error(UPSERT, Map.of("cells", tooMany)));
        assertEquals(0, database.count("population_cell"));
    }

    @Test
    void aCityOfCellsPagesBothWaysAndStaysStableUnderInserts() {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            cells.add(cell(i % 20, i / 20, 10, 0.2));
        }
        GraphQL.ok(UPSERT, Map.of("cells", cells));
        List<String> all = cells.stream().map(c -> (String) c.get("cellId")).sorted().toList();
        Map<String, Object> box = Map.of("west", 103.99, "south", 30.69, "east", 104.1, "north", 30.8);

        // forward 30 at a time; a cell sorting before the second page's start arrives in between
        List<String> forward = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 4; page++) {
            JsonPath result = page(box, 30, after, null, null);
            assertEquals(page == 0 ? 101 : 102, result.getInt("data.populationCells.totalCount"));
            assertEquals(page > 0, result.getBoolean("data.populationCells.pageInfo.hasPreviousPage"));
            assertEquals(page < 3, result.getBoolean("data.populationCells.pageInfo.hasNextPage"));
            forward.addAll(result.getList("data.populationCells.edges.node.cellId"));
            after = result.getString("data.populationCells.pageInfo.endCursor");
            if (page == 0) {
                GraphQL.ok(UPSERT, Map.of("cells", List.of(cell(0, 7, 10, 0.2))));
            }
        }
        assertEquals(all, forward, "every cell once, in cellId order, none skipped for the insert");

        // backward from the end, 40 at a time: the same list with the new cell
        List<String> backward = new ArrayList<>();
        String before = null;
        do {
            JsonPath result = page(box, null, null, 40, before);
            backward.addAll(0, result.getList("data.populationCells.edges.node.cellId"));
            before = result.getBoolean("data.populationCells.pageInfo.hasPreviousPage")
                    ? result.getString("data.populationCells.pageInfo.startCursor") : null;
        } while (before != null);
        List<String> withNew = new ArrayList<>(all);
        withNew.add("c0_7");
        withNew.sort(null);
        assertEquals(withNew, backward);

        // an edge's cursor pages from that edge; ids read the cell again
        JsonPath first = page(box, 2, null, null, null);
        assertEquals(first.getString("data.populationCells.edges[1].cursor"), first.getString("data.populationCells.pageInfo.endCursor"));
        String id = first.getString("data.populationCells.edges[0].node.id");
        assertEquals("PopulationCell:" + withNew.get(0), id);
        JsonPath node = GraphQL.ok("query($id: ID!) { node(id: $id) { __typename id ... on PopulationCell { cellId } } }",
                Map.of("id", id));
        assertEquals(withNew.get(0), node.getString("data.node.cellId"), node.prettify());

        assertEquals("after: is not a cursor this API returned", GraphQL.error(PAGE, variables(box, 2, "nonsense", null, null)));
        assertEquals("last: give first or last, not both", GraphQL.error(PAGE, variables(box, 2, null, 2, null)));
        assertEquals("first: must be between 1 and 500 (got 0)", GraphQL.error(PAGE, variables(box, 0, null, null, null)));
    }

    private static JsonPath page(Map<String, Object> box, Integer first, String after, Integer last, String before) {
        return GraphQL.ok(PAGE, variables(box, first, after, last, before));
    }

    private static Map<String, Object> variables(Map<String, Object> box, Integer first, String after, Integer last,
                                                 String before) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("box", box);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("last", last);
        variables.put("before", before);
        return variables;
    }

    @Test
    void hugeOrEmptyBoxIsRefused() {
        assertTrue(GraphQL.error(IN_BOX, box(100, 30, 102, 30.5)).startsWith("boundingBox: is too large"));
        assertTrue(GraphQL.error(IN_BOX, box(104, 30.5, 104.1, 30.5)).startsWith("boundingBox: is empty"));
    }
}
