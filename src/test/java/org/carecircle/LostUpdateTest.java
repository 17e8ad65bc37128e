package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A save names the version it was made on: a stale one is refused (CONFLICT) and changes nothing. */
@QuarkusTest
class LostUpdateTest {
    static final String UPDATE_INSTITUTION = "mutation($id: ID!, $version: Int!, $input: InstitutionInput!) { "
            + "updateInstitution(id: $id, version: $version, input: $input) { institution { name version } "
            + "userErrors { field message code } } }";
    static final String SAVE_SCENARIO = "mutation($input: ScenarioInput!, $version: Int) { "
            + "saveScenario(input: $input, version: $version) { scenario { name version proposed } "
            + "userErrors { field message code } } }";

    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    /** A stale save once silently undid another planner's rename. */
    @Test
    void aStaleInstitutionSaveIsRefused() {
        long id = createInstitution(institution("first", 104.0, 30.7));
        JsonPath renamed = GraphQL.ok(UPDATE_INSTITUTION, Map.of("id", id, "version", 1, "input", institution("renamed", 104.0, 30.7)));
        assertEquals(2, renamed.getInt("data.updateInstitution.institution.version"));
        JsonPath stale = GraphQL.call(GraphQL.PLANNER, UPDATE_INSTITUTION,
                Map.of("id", id, "version", 1, "input", institution("stale", 104.0, 30.7)));
        assertEquals("CONFLICT", stale.getString("data.updateInstitution.userErrors[0].code"), stale::prettify);
        assertTrue(stale.getString("data.updateInstitution.userErrors[0].message").contains("since version 1 (it is at version 2)"),
                stale::prettify);
        JsonPath read = GraphQL.ok("query($id: ID!) { institution(id: $id) { name version } }", Map.of("id", id));
        assertEquals("renamed", read.getString("data.institution.name"));
        assertEquals(2, read.getInt("data.institution.version"));
    }

    /** 120 concurrent saves once left 9 opaque "System error"s: now of saves on one version exactly one wins. */
    @Test
    void ofConcurrentSavesOnOneVersionExactlyOneWins() throws Exception {
        long id = createInstitution(institution("contested", 104.0, 30.7, classGroup("TODDLER", 20, 5)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int planner = 0; planner < 16; planner++) {
                Map<String, Object> input = institution("by " + planner, 104.0, 30.7, classGroup("TODDLER", 20 + planner, 5));
                answers.add(pool.submit(() -> GraphQL.call(GraphQL.PLANNER, UPDATE_INSTITUTION,
                        Map.of("id", id, "version", 1, "input", input))));
            }
            int won = 0, conflicts = 0;
            for (Future<JsonPath> answer : answers) {
                JsonPath result = answer.get();
                assertNull(result.get("errors"), result::prettify);
                if (result.getList("data.updateInstitution.userErrors").isEmpty()) {
                    won++;
                } else {
                    assertEquals("CONFLICT", result.getString("data.updateInstitution.userErrors[0].code"), result::prettify);
                    conflicts++;
                }
            }
            assertEquals(1, won);
            assertEquals(15, conflicts);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, GraphQL.ok("query($id: ID!) { institution(id: $id) { version } }", Map.of("id", id))
                .getInt("data.institution.version"));
        assertEquals(1, database.count("class_group"));
    }

    @Test
    void aStaleAreaSaveIsRefused() {
        createArea(area("D", "DISTRICT", null, rectangle(104, 30, 104.1, 30.1)));
        Map<String, Object> renamed = new HashMap<>(area("D", "DISTRICT", null, rectangle(104, 30, 104.1, 30.1)));
        renamed.put("name", "renamed");
        String update = "mutation($version: Int!, $input: AreaInput!) { updateArea(code: \"D\", version: $version, input: $input) { area { version } userErrors { field message code } } }";
        assertEquals(2, GraphQL.ok(update, Map.of("version", 1, "input", renamed)).getInt("data.updateArea.area.version"));
        renamed.put("name", "stale");
        JsonPath stale = GraphQL.call(GraphQL.PLANNER, update, Map.of("version", 1, "input", renamed));
        assertEquals("CONFLICT", stale.getString("data.updateArea.userErrors[0].code"), stale::prettify);
        assertEquals("renamed", GraphQL.ok("{ areas { nodes { name } } }").getString("data.areas.nodes[0].name"));
    }

    /** A scenario of a name already held is replaced only at its version; a new name takes none. */
    @Test
    void aScenarioIsReplacedOnlyAtItsVersion() {
        Map<String, Object> one = Map.of("name", "plan", "proposed", List.of(institution("a", 103.98, 30.76)));
        Map<String, Object> two = Map.of("name", "plan", "proposed", List.of(institution("a", 103.98, 30.76),
                institution("b", 103.99, 30.77)));
        assertEquals(1, GraphQL.ok(SAVE_SCENARIO, Map.of("input", one)).getInt("data.saveScenario.scenario.version"));
        JsonPath unversioned = GraphQL.call(GraphQL.PLANNER, SAVE_SCENARIO, Map.of("input", two));
        assertEquals("CONFLICT", unversioned.getString("data.saveScenario.userErrors[0].code"), unversioned::prettify);
        assertTrue(unversioned.getString("data.saveScenario.userErrors[0].message").contains("is at version 1: give that version"),
                unversioned::prettify);
        assertEquals(2, GraphQL.ok(SAVE_SCENARIO, Map.of("input", two, "version", 1)).getInt("data.saveScenario.scenario.version"));
        JsonPath stale = GraphQL.call(GraphQL.PLANNER, SAVE_SCENARIO, Map.of("input", one, "version", 1));
        assertEquals("CONFLICT", stale.getString("data.saveScenario.userErrors[0].code"), stale::prettify);
        assertEquals(2, GraphQL.ok("{ scenarios { nodes { proposed version } } }").getInt("data.scenarios.nodes[0].proposed"));
    }

    /** Two of three identical registers sent at once once failed on a duplicate key (500): now one writes, the others are told. */
    @Test
    void ofConcurrentIdenticalImportsOneWritesAndTheOthersAreTold() throws Exception {
        StringBuilder register = new StringBuilder("externalId,name,longitude,latitude,ownership,kind\n");
        for (int i = 0; i < 3000; i++) {
            register.append("R").append(i).append(",Site ").append(i).append(',').append(104 + i * 1e-5).append(",30.7,PUBLIC,COMMUNITY\n");
        }
        byte[] body = register.toString().getBytes();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                statuses.add(pool.submit(() -> {
                    var response = given().auth().preemptive().basic("planner", "planner").contentType("text/csv").body(body)
                            .post("/import/institutions");
                    int status = response.statusCode();
                    assertTrue(status == 200 || (status == 409 && "CONFLICT".equals(response.jsonPath().getString("errors[0].code"))),
                            response.asString());
                    return status;
                }));
            }
            int written = 0;
            for (Future<Integer> status : statuses) {
                written += status.get() == 200 ? 1 : 0;
            }
            assertTrue(written >= 1, "at least one import writes");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3000, database.count("institution"));
    }
}
