package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraphQL schema is a contract front-end teams generate their clients from: the served SDL is the
 * reviewed snapshot (docs/schema.graphql), loads in graphql-js, and GraphQL Code Generator's typed
 * operations for the map page's own queries compile in TypeScript's strict mode.
 */
@QuarkusTest
class SchemaContractTest {
    static final Path SNAPSHOT = Path.of("docs/schema.graphql");
    static final Path SERVED = Path.of("target/served-schema.graphql");

    @Test
    void theServedSchemaIsTheReviewedSnapshot() throws Exception {
        String served = served();
        assertEquals(Files.readString(SNAPSHOT), served, "the GraphQL schema changed: review the change as an API "
                + "change, then copy " + SERVED + " over " + SNAPSHOT);
    }

    @Test
    void clientsLoadItAndGenerateTypedOperations() throws Exception {
        served();
        Process check = new ProcessBuilder("scripts/schema/check.sh", SERVED.toString(), "target/codegen")
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), output);
        assertTrue(output.contains("10 typed operations compiled"), output);
    }

    private static String served() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served);
        return served;
    }
}
