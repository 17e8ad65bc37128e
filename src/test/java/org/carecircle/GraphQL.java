package org.carecircle;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
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

    /** As the planner; fails the test on any GraphQL error. */
    public static JsonPath ok(String query, Map<String, Object> variables) {
        JsonPath result = call(PLANNER, query, variables);
        assertNull(result.get("errors"), () -> "unexpected errors: " + result.prettify());
        return result;
    }

    public static JsonPath ok(String query) {
        return ok(query, null);
    }

    /** As the planner; the call must fail. Returns the first error's message. */
    public static String error(String query, Map<String, Object> variables) {
        JsonPath result = call(PLANNER, query, variables);
        assertNotNull(result.get("errors"), () -> "expected an error, got: " + result.prettify());
        String code = result.getString("errors[0].extensions.code");
        assertTrue("BAD_USER_INPUT".equals(code) || "NOT_FOUND".equals(code) || "CONFLICT".equals(code),
                () -> "expected a refusal of the input, got: " + result.prettify());
        return result.getString("errors[0].message");
    }
}
