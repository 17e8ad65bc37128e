package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bureau's single sign-on: bearer tokens signed by its OpenID Connect provider, their groups naming
 * roles. The test plays the provider with a key pair of its own (src/test/resources/oidc): no network.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.Provider.class)
class SingleSignOnTest {
    static final String ISSUER = "https://sso.bureau.example";

    public static class Provider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("carecircle.oidc.enabled", "true", "quarkus.oidc.public-key", body(read("signing-key.pub.pem")),
                    "quarkus.oidc.token.issuer", ISSUER);
        }
    }

    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    @Test
    void aPlannersTokenMayWrite() {
        JsonPath result = call(token("signing-key.pem", List.of("planner"), 300)).extract().jsonPath();
        assertEquals("A", result.getString("data.createArea.area.code"), result::prettify);
        assertEquals(1, database.count("area"));
    }

    @Test
    void aTokenWithoutThePlannerGroupMayOnlyRead() {
        JsonPath result = call(token("signing-key.pem", List.of("viewer"), 300)).extract().jsonPath();
        assertEquals("FORBIDDEN", result.getString("errors[0].extensions.code"), result::prettify);
        assertEquals(0, database.count("area"));
    }

    @Test
    void aForgedOrExpiredTokenIsRefused() {
        for (String token : List.of(token("other-key.pem", List.of("planner"), 300), token("signing-key.pem", List.of("planner"), -600))) {
            given().header("Authorization", "Bearer " + token).contentType("application/json").body(CREATE)
                    .post("/graphql").then().statusCode(401).body("errors[0].code", equalTo("UNAUTHENTICATED"));
        }
        assertEquals(0, database.count("area"));
        // the planner's password still works beside the tokens
        given().auth().preemptive().basic("planner", "planner").contentType("application/json").body(CREATE)
                .post("/graphql").then().statusCode(200).body("data.createArea.area.code", equalTo("A"));
    }

    static final String CREATE = "{\"query\": \"mutation { createArea(input: {code: \\\"A\\\", name: \\\"A\\\", level: DISTRICT, "
            + "boundary: {type: \\\"Polygon\\\", coordinates: [[[104, 30], [104.1, 30], [104.1, 30.1], [104, 30]]]}}) { area { code } userErrors { field message code } } }\"}";

    private static io.restassured.response.ValidatableResponse call(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json").body(CREATE)
                .post("/graphql").then().statusCode(200);
    }

    static String token(String key, List<String> groups, int secondsValid) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setSubject("planner@bureau.example");
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(secondsValid / 60f);
            claims.setStringListClaim("groups", groups);
            JsonWebSignature signature = new JsonWebSignature();
            signature.setPayload(claims.toJson());
            PrivateKey privateKey = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body(read(key)))));
            signature.setKey(privateKey);
            signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return signature.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/oidc", name));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PEM file's base64 body, as quarkus.oidc.public-key takes it. */
    static String body(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
