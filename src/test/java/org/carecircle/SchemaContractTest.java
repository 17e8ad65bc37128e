package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    @Test
    void enumsListTheirValuesInDomainOrder() {
        assertEquals(List.of("INFANT", "TODDLER", "OLDER_TODDLER"), GraphQL.ok("{ __type(name: \"AgeGroup\") { enumValues { name } } }")
                .getList("data.__type.enumValues.name"));
        assertEquals(List.of("DISTRICT", "SUBDISTRICT", "TOWN", "COMMUNITY"), GraphQL.ok(
                "{ __type(name: \"AreaLevel\") { enumValues { name } } }").getList("data.__type.enumValues.name"));
    }

    @Test
    void geometriesAreNamedGeoJsonScalars() {
        assertEquals("https://www.rfc-editor.org/rfc/rfc7946", GraphQL.ok(
                "{ __type(name: \"GeoJSONPoint\") { specifiedByURL } }").getString("data.__type.specifiedByURL"));
        assertEquals("GeoJSONPoint", GraphQL.ok("{ __type(name: \"Institution\") { fields { name type { ofType { name } } } } }")
                .getString("data.__type.fields.find { it.name == 'location' }.type.ofType.name"));
        assertEquals(null, GraphQL.ok("{ __type(name: \"JSON\") { name } }").getString("data.__type"));
    }

    private static String served() throws Exception {
        String served = given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, served);
        return served;
    }
}
