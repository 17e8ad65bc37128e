package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(ClosedReadsTest.ClosedReads.class)
class ClosedReadsTest {
    public static class ClosedReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.closed-reads.enabled", "true");
        }
    }

    @Test
    void oneSettingClosesReads() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("query", "{ areas { nodes { code } } }"))
                .post("/graphql").then().statusCode(401);
        assertEquals(0, GraphQL.call(GraphQL.VIEWER, "{ areas { totalCount } }", null).getInt("data.areas.totalCount"));
        // the file exports and the summary are reads too
        RestAssured.given().get("/export/institutions.csv").then().statusCode(401);
        RestAssured.given().get("/summary.txt").then().statusCode(401);
        RestAssured.given().auth().preemptive().basic(GraphQL.VIEWER, GraphQL.VIEWER).get("/export/institutions.csv")
                .then().statusCode(200);
    }
}
