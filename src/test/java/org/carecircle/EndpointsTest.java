package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.carecircle.network.NetworkService;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class EndpointsTest {
    @Inject
    TestDatabase database;
    @Inject
    NetworkService networks;

    @Test
    void readinessIncludesTheDatabaseAndTheNetwork() {
        networks.awaitLoaded();
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Walking network"));
    }

    @Test
    void schemaIsDownloadable() {
        RestAssured.get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("type Institution"))
                .body(containsString("input InstitutionInput"))
                .body(containsString("location: GeoJSONPoint!"))
                .body(containsString("scalar GeoJSONPoint @specifiedBy(url : \"https://www.rfc-editor.org/rfc/rfc7946\")"));
    }

    @Test
    void graphiqlIsServed() {
        RestAssured.get("/graphiql/").then().statusCode(200).body(containsString("GraphiQL"));
    }

    /** Query parameters are read strictly and refused by name: a lenient dryRun=1 once meant a real import. */
    @Test
    void badQueryParametersAreRefusedByName() {
        long before = database.count("institution");
        for (String flag : new String[] {"1", "yes", "on", "maybe"}) {
            RestAssured.given().auth().preemptive().basic("planner", "planner").queryParam("dryRun", flag)
                    .body("name,longitude,latitude,ownership,kind\nX,103.97,30.76,PUBLIC,COMMUNITY\n".getBytes())
                    .post("/import/institutions").then().statusCode(400).body("errors[0].field", equalTo("dryRun"))
                    .body("errors[0].reason", containsString("neither true nor false"));
        }
        assertEquals(before, database.count("institution"));
        RestAssured.given().get("/export/coverage/cells.csv?minutes=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        RestAssured.given().get("/export/coverage/gaps.geojson?first=2.5").then().statusCode(400)
                .body("errors[0].field", equalTo("first"));
        RestAssured.given().get("/map/streets.geojson?west=Infinity&south=30.7&east=104&north=30.8").then().statusCode(400)
                .body("errors[0].field", equalTo("west"));
        RestAssured.given().get("/tiles/gaps/10/807/419.mvt?withCapacity=1").then().statusCode(400)
                .body("errors[0].field", equalTo("withCapacity"));
    }
}
