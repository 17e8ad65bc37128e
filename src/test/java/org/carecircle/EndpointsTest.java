package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.carecircle.network.NetworkService;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EndpointsTest {
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
                .body(containsString("location: JSON!"));
    }

    @Test
    void graphiqlIsServed() {
        RestAssured.get("/graphiql/").then().statusCode(200).body(containsString("GraphiQL"));
    }
}
