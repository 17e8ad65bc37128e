package org.carecircle.institution;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A city's register comes out whole: more institutions than one SQL statement may name (65,535). */
@QuarkusTest
class InstitutionExportTest {
    private static final int INSTITUTIONS = 70_000;

    @Inject
    TestDatabase database;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void prepare() {
        database.clear();
        insert();
    }

    @Transactional
    void insert() {
        entityManager.createNativeQuery("""
                INSERT INTO institution (name, location, ownership, kind, inclusive, registered, demonstration, open_to_public, status)
                SELECT 'site ' || n, ST_SetSRID(ST_MakePoint(103.9 + n * 1e-6, 30.7), 4326), 'PUBLIC', 'COMMUNITY', true, true,
                       'NONE', true, 'OPERATING'
                FROM generate_series(1, :count) n""").setParameter("count", INSTITUTIONS).executeUpdate();
    }

    @Test
    void everyInstitutionIsExported() {
        String csv = given().get("/export/institutions.csv").then().statusCode(200).extract().asString();
        // a header and one line per institution
        assertEquals(INSTITUTIONS + 1, csv.split("\r\n").length);
        assertTrue(csv.contains("site 70000,"));
        String geoJson = given().get("/export/institutions.geojson").then().statusCode(200).extract().asString();
        assertEquals(INSTITUTIONS, geoJson.split("\"Feature\"").length - 1);
    }
}
