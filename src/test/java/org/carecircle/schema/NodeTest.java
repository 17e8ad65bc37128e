package org.carecircle.schema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.area;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createArea;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** node(id:) reads again every object that has an id, whatever its type, as a Relay client refetches it. */
@QuarkusTest
class NodeTest {
    private static final String NODE = """
            query($id: ID!) { node(id: $id) { __typename id
              ... on Institution { name } ... on Area { code } ... on Scenario { name } } }""";

    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    @Test
    void everyNodeIsReadAgainByItsId() {
        createArea(area("D", "DISTRICT", null, rectangle(104.0, 30.7, 104.2, 30.8)));
        long institution = createInstitution(institution("Sunny", 104.05, 30.75, classGroup("TODDLER", 10, 2)));
        GraphQL.ok("mutation($input: ScenarioInput!) { saveScenario(input: $input) { scenario { name } userErrors { field message code } } }", Map.of("input",
                Map.of("name", "more", "closed", List.of(String.valueOf(institution)))));
        JsonPath listed = GraphQL.ok("{ areas { nodes { id } } institutions { nodes { id } } scenarios { nodes { id } } }");
        List<String> ids = List.of(listed.getString("data.areas.nodes[0].id"), listed.getString("data.institutions.nodes[0].id"),
                listed.getString("data.scenarios.nodes[0].id"));
        assertEquals(String.valueOf(institution), ids.get(1));
        List<String> types = List.of("Area", "Institution", "Scenario");
        List<String> names = List.of("D", "Sunny", "more");
        for (int i = 0; i < ids.size(); i++) {
            JsonPath node = GraphQL.ok(NODE, Map.of("id", ids.get(i)));
            assertEquals(types.get(i), node.getString("data.node.__typename"));
            assertEquals(ids.get(i), node.getString("data.node.id"));
            assertEquals(names.get(i), node.getString(i == 0 ? "data.node.code" : "data.node.name"));
        }
    }

    @Test
    void anUnknownIdIsNullAndAMalformedOneRefused() {
        for (String unknown : List.of("999999", "Area:999999", "Scenario:none", "PopulationCell:none")) {
            assertNull(GraphQL.ok(NODE, Map.of("id", unknown)).get("data.node"), unknown);
        }
        assertEquals("id: \"Area:x\" is not an id this API gave", GraphQL.error(NODE, Map.of("id", "Area:x")));
        assertEquals("id: \"x\" is not an id this API gave", GraphQL.error(NODE, Map.of("id", "x")));
    }
}
