package org.carecircle.population;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * GeoTIFFs the test writes: 4 × 3 pixels of 0.001° from (103.97 E, 30.77 N) at the top left, people
 * per pixel 10, 20, …, 120 in reading order, except pixel (1, 0) at the no-data value −99999 and
 * pixel (2, 0) empty (0).
 */
@QuarkusTest
class PopulationRasterTest {
    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
    }

    static byte[] raster(int crsKey, int crs) throws IOException {
        int width = 4, height = 3;
        float[][] people = new float[height][width];
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                people[row][column] = 10 * (row * width + column + 1);
            }
        }
        people[0][1] = -99999f;
        people[0][2] = 0f;
        return GeoTiffs.write(people, 103.97, 30.77, 0.001, 0.001, crsKey, crs);
    }

    private static io.restassured.specification.RequestSpecification planner() {
        return given().auth().preemptive().basic("planner", "planner");
    }

    @Test
    void eachPopulatedPixelBecomesACell() throws IOException {
        byte[] tiff = raster(PopulationRaster.GEOGRAPHIC_TYPE_KEY, PopulationRaster.WGS84);
        // clipped to the west half (columns 0 and 1): 10 and −99999 in row 0, 50, 60, 90, 100 below
        planner().body(tiff).queryParam("name", "worldpop").queryParam("west", 103.969).queryParam("east", 103.972)
                .queryParam("south", 30.76).queryParam("north", 30.771).post("/import/population-raster")
                .then().statusCode(200).body("records", equalTo(5)).body("inserted", equalTo(5));
        assertEquals(5, database.count("population_cell"));
        String totals = given().contentType("application/json").body("""
                {"query": "{ populationCells(boundingBox: {west: 103.96, south: 30.76, east: 103.98, north: 30.78}) { nodes { cellId residents childrenUnder3 estimated } } }"}""")
                .post("/graphql").then().statusCode(200).extract().asString();
        for (String expected : List.of("worldpop-0-0", "worldpop-0-1", "worldpop-1-1", "worldpop-0-2", "worldpop-1-2")) {
            org.hamcrest.MatcherAssert.assertThat(totals, containsString(expected));
        }
        org.hamcrest.MatcherAssert.assertThat(totals, containsString("\"residents\":100.0,\"childrenUnder3\":2.2,\"estimated\":true"));
    }

    @Test
    void aProjectedRasterIsRefused() throws IOException {
        planner().body(raster(PopulationRaster.PROJECTED_TYPE_KEY, 32648)).queryParam("west", 103.9).queryParam("east", 104)
                .queryParam("south", 30.7).queryParam("north", 30.8).post("/import/population-raster")
                .then().statusCode(400).body("errors[0].field", equalTo("content"))
                .body("errors[0].reason", containsString("EPSG:32648"));
        planner().body("not a tiff".getBytes()).queryParam("west", 103.9).queryParam("east", 104)
                .queryParam("south", 30.7).queryParam("north", 30.8).post("/import/population-raster")
                .then().statusCode(400).body("errors[0].field", equalTo("content"));
        assertEquals(0, database.count("population_cell"));
    }

    /** A pixel of infinite or impossible people is a broken file: refused whole, with the pixel named. */
    @Test
    void aPixelOfImpossiblePeopleIsRefused() throws IOException {
        for (float broken : new float[] {Float.POSITIVE_INFINITY, 3e9f}) {
            byte[] tiff = GeoTiffs.wgs84(new float[][] {{10, broken}, {20, 30}}, 103.97, 30.77, 0.001, 0.001);
            planner().body(tiff).queryParam("west", 103.9).queryParam("east", 104).queryParam("south", 30.7)
                    .queryParam("north", 30.8).post("/import/population-raster")
                    .then().statusCode(400).body("errors[0].field", equalTo("content"))
                    .body("errors[0].reason", containsString("pixel 1, 0 holds"));
        }
        assertEquals(0, database.count("population_cell"));
    }

    /** A truncated upload is refused in words, not answered with a server error. */
    @Test
    void aTruncatedRasterIsRefused() throws IOException {
        byte[] whole = GeoTiffs.wgs84(new float[200][200], 103.97, 30.77, 0.0001, 0.0001);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        planner().body(cut).queryParam("west", 103.9).queryParam("east", 104).queryParam("south", 30.7)
                .queryParam("north", 30.8).post("/import/population-raster")
                .then().statusCode(400).body("errors[0].field", equalTo("content"));
        assertEquals(0, database.count("population_cell"));
    }

    @Test
    void withoutABoxTheAreasClipIt() throws IOException {
        planner().body(raster(PopulationRaster.GEOGRAPHIC_TYPE_KEY, PopulationRaster.WGS84)).post("/import/population-raster")
                .then().statusCode(400).body("errors[0].field", equalTo("boundingBox"));
        planner().body(raster(PopulationRaster.GEOGRAPHIC_TYPE_KEY, PopulationRaster.WGS84)).queryParam("dryRun", true)
                .queryParam("west", 103.9).queryParam("east", 104.0).queryParam("south", 30.7).queryParam("north", 30.8)
                .post("/import/population-raster").then().statusCode(200).body("records", equalTo(10)).body("dryRun", equalTo(true));
        assertEquals(0, database.count("population_cell"));
        // an area over the two west columns clips it as the box did
        org.carecircle.Fixtures.createArea(org.carecircle.Fixtures.area("W", "DISTRICT", null,
                org.carecircle.Fixtures.rectangle(103.9695, 30.7665, 103.972, 30.7705)));
        planner().body(raster(PopulationRaster.GEOGRAPHIC_TYPE_KEY, PopulationRaster.WGS84)).post("/import/population-raster")
                .then().statusCode(200).body("inserted", equalTo(5));
    }
}
