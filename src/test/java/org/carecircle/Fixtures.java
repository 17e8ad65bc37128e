package org.carecircle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders for GraphQL variables: small, explicit inputs whose sums a test can work out by hand. */
public final class Fixtures {
    public static final String INSTITUTION_FIELDS = """
            id name address location area { code name level } ownership kind inclusive registered grade
            demonstration openToPublic status serviceModes externalId source estimated estimationMethod
            classGroups { ageGroup classes slots enrolled } slots enrolled""";
    public static final String CREATE_INSTITUTION =
            "mutation($input: InstitutionInput!) { createInstitution(input: $input) { institution { " + INSTITUTION_FIELDS
                    + " } " + GraphQL.USER_ERRORS + " } }";
    public static final String CREATE_AREA = "mutation($input: AreaInput!) { createArea(input: $input) { area { id code name "
            + "level parent { code } boundary residents } " + GraphQL.USER_ERRORS + " } }";

    private Fixtures() {
    }

    public static Map<String, Object> point(double longitude, double latitude) {
        return Map.of("type", "Point", "coordinates", List.of(longitude, latitude));
    }

    /** An axis-aligned rectangle as a GeoJSON Polygon, exterior ring counter-clockwise. */
    public static Map<String, Object> rectangle(double west, double south, double east, double north) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring(west, south, east, north)));
    }

    public static List<List<Double>> ring(double west, double south, double east, double north) {
        return List.of(List.of(west, south), List.of(east, south), List.of(east, north), List.of(west, north),
                List.of(west, south));
    }

    public static Map<String, Object> classGroup(String ageGroup, int slots, int enrolled) {
        return Map.of("ageGroup", ageGroup, "slots", slots, "enrolled", enrolled);
    }

    /** A private, operating, non-inclusive standalone institution: tests change what they need. */
    public static Map<String, Object> institution(String name, double longitude, double latitude, Map<?, ?>... classGroups) {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("location", point(longitude, latitude));
        input.put("ownership", "PRIVATE");
        input.put("kind", "STANDALONE");
        input.put("classGroups", new ArrayList<>(List.of(classGroups)));
        return input;
    }

    public static Map<String, Object> area(String code, String level, String parentCode, Map<String, Object> boundary) {
        Map<String, Object> input = new HashMap<>();
        input.put("code", code);
        input.put("name", "Area " + code);
        input.put("level", level);
        input.put("parentCode", parentCode);
        input.put("boundary", boundary);
        return input;
    }

    /** GraphQL variables from name, value pairs; unlike Map.of, a value may be null (the argument left out). */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    public static Map<String, Object> input(Map<String, Object> input) {
        return Map.of("input", input);
    }

    public static long createInstitution(Map<String, Object> input) {
        return GraphQL.ok(CREATE_INSTITUTION, input(input)).getLong("data.createInstitution.institution.id");
    }

    public static void createArea(Map<String, Object> input) {
        GraphQL.ok(CREATE_AREA, input(input));
    }

    /** The Xipu test grid: 15 × 11 cells of 0.002° from (103.9665 E, 30.7563 N), each of 100 residents. */
    public static final double GRID_WEST = 103.9665, GRID_SOUTH = 30.7563, GRID_CELL = 0.002;
    public static final int GRID_COLUMNS = 15, GRID_ROWS = 11;

    /** Writes the Xipu test grid with {@code children} children under 3 in every cell (ids "i-j"). */
    public static void upsertXipuGrid(double children) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < GRID_COLUMNS; i++) {
            for (int j = 0; j < GRID_ROWS; j++) {
                double west = GRID_WEST + i * GRID_CELL, south = GRID_SOUTH + j * GRID_CELL;
                cells.add(Map.of("cellId", i + "-" + j, "boundary", rectangle(west, south, west + GRID_CELL, south + GRID_CELL),
                        "residents", 100.0, "childrenUnder3", children));
            }
        }
        GraphQL.ok("mutation($cells: [PopulationCellInput!]!) { upsertPopulationCells(cells: $cells) { result { inserted } "
                + GraphQL.USER_ERRORS + " } }", Map.of("cells", cells));
    }
}
