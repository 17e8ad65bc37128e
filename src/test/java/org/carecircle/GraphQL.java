package org.carecircle;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls /graphql over HTTP as a map app would, as the planner, another user, or anonymously. */
public final class GraphQL {
    public static final String PLANNER = "planner";
    public static final String VIEWER = "viewer";

    private GraphQL() {
    }

    public static JsonPath call(String user, String query, Map<String, Object> variables) {
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON);
        if (user != null) {
            request = request.auth().preemptive().basic(user, user);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return request.body(body).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** The selection a test gives a mutation's payload to see its refusals. */
    public static final String USER_ERRORS = "userErrors { field message code }";

    /** As the planner; fails the test on any GraphQL error, or any refusal in a mutation's userErrors. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath result = call(PLANNER, query, variables);
        assertNull(result.get("errors"), () -> "unexpected errors: " + result.prettify());
        assertNull(userErrors(result), () -> "unexpected userErrors: " + result.prettify());
        return result;
    }

    /** The first root field's refusals in userErrors, or null when none was refused. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> userErrors(JsonPath result) {
        Map<String, Object> data = result.getMap("data");
        for (Object field : data == null ? List.of() : data.values()) {
            if (field instanceof Map<?, ?> payload && payload.get("userErrors") instanceof List<?> errors && !errors.isEmpty()) {
                return (List<Map<String, Object>>) errors;
            }
        }
        return null;
    }

    public static JsonPath ok(String query) {
        return ok(query, null);
    }

    /**
     * Every node of a connection, as the planner: the query takes {@code $after: String} and selects the
     * connection's {@code nodes} and {@code pageInfo { endCursor hasNextPage }}.
     */
    public static <T> List<T> allNodes(String query, Map<String, Object> variables, String connection) {
        List<T> nodes = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = new HashMap<>(variables == null ? Map.of() : variables);
            page.put("after", after);
            JsonPath result = ok(query, page);
            nodes.addAll(result.getList("data." + connection + ".nodes"));
            after = result.getBoolean("data." + connection + ".pageInfo.hasNextPage")
                    ? result.getString("data." + connection + ".pageInfo.endCursor") : null;
        } while (after != null);
        return nodes;
    }

    /**
     * As the planner; the call must be refused, as a GraphQL error or in a mutation's userErrors. Returns the
     * error's message, or the refusals as "field: message", joined by "; " as a GraphQL error's message joins them.
     */
    public static String error(String query, Map<String, Object> variables) {
        JsonPath result = call(PLANNER, query, variables);
        List<Map<String, Object>> refused = result.get("errors") == null ? userErrors(result) : null;
        if (refused != null) {
            List<String> messages = new ArrayList<>();
            for (Map<String, Object> error : refused) {
                assertTrue(List.of("BAD_USER_INPUT", "NOT_FOUND", "CONFLICT").contains(error.get("code")), result::prettify);
                messages.add(error.get("field") == null ? (String) error.get("message") : error.get("field") + ": " + error.get("message"));
            }
            return String.join("; ", messages);
        }
        assertNotNull(result.get("errors"), () -> "expected an error, got: " + result.prettify());
        String code = result.getString("errors[0].extensions.code");
        assertTrue("BAD_USER_INPUT".equals(code) || "NOT_FOUND".equals(code) || "CONFLICT".equals(code),
                () -> "expected a refusal of the input, got: " + result.prettify());
        return result.getString("errors[0].message");
    }
}
