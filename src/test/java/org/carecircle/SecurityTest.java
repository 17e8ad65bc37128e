package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SecurityTest {
    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    @Test
    void anonymousMutationIsRefusedAndWritesNothing() {
        JsonPath result = GraphQL.call(null, CREATE_INSTITUTION, input(institution("x", 104.0, 30.7)));
        assertEquals("unauthorized", result.getString("errors[0].extensions.code"));
        assertEquals(0, database.count("institution"));

        result = GraphQL.call(null, "mutation($cells: [PopulationCellInput!]!) { upsertPopulationCells(cells: $cells) { inserted } }",
                Map.of("cells", List.of(Map.of("cellId", "a", "boundary", rectangle(104, 30, 104.001, 30.001),
                        "residents", 1, "childrenUnder3", 0))));
        assertEquals("unauthorized", result.getString("errors[0].extensions.code"));
        assertEquals(0, database.count("population_cell"));
    }

    @Test
    void userWithoutThePlannerRoleIsRefused() {
        JsonPath result = GraphQL.call(GraphQL.VIEWER, CREATE_AREA, input(area("A", "DISTRICT", null, rectangle(104, 30, 104.1, 30.1))));
        assertEquals("forbidden", result.getString("errors[0].extensions.code"));
        assertEquals(0, database.count("area"));
    }

    @Test
    void readsAreOpenByDefault() {
        createInstitution(institution("x", 104.0, 30.7));
        JsonPath result = GraphQL.call(null, "{ institutions { totalCount } }", null);
        assertEquals(1, result.getInt("data.institutions.totalCount"));
    }
}
