package org.carecircle;

import graphql.language.AbstractDescribedNode;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        assertTrue(output.contains("15 typed operations compiled"), output);
    }

    /** Front-end teams read the schema in their editor: every element says what it is, with its unit. */
    @Test
    void everyElementIsDescribed() throws Exception {
        TypeDefinitionRegistry registry = new SchemaParser().parse(served());
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : registry.types().values()) {
            String name = type.getName();
            described(missing, name, ((AbstractDescribedNode<?>) type).getDescription());
            if (type instanceof ObjectTypeDefinition object) {
                fields(missing, name, object.getFieldDefinitions());
            } else if (type instanceof InterfaceTypeDefinition node) {
                fields(missing, name, node.getFieldDefinitions());
            } else if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().forEach(field -> described(missing, name + "." + field.getName(), field.getDescription()));
            } else if (type instanceof EnumTypeDefinition values) {
                values.getEnumValueDefinitions().forEach(value -> described(missing, name + "." + value.getName(), value.getDescription()));
            }
        }
        registry.scalars().values().stream().filter(scalar -> !ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName()))
                .forEach(scalar -> described(missing, scalar.getName(), scalar.getDescription()));
        assertEquals(List.of(), missing, "undocumented schema elements: describe each (schema/descriptions.properties)");
        assertTrue(registry.types().size() > 80, "the whole schema was read");
    }

    private static void fields(List<String> missing, String type, List<FieldDefinition> fields) {
        for (FieldDefinition field : fields) {
            described(missing, type + "." + field.getName(), field.getDescription());
            field.getInputValueDefinitions().forEach(argument ->
                    described(missing, type + "." + field.getName() + "(" + argument.getName() + ")", argument.getDescription()));
        }
    }

    private static void described(List<String> missing, String element, Description description) {
        if (description == null || description.getContent().isBlank()) {
            missing.add(element);
        }
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
