package org.carecircle.network;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The map's base layer: the extract's walkable ways that touch the box, as GeoJSON lines. */
@QuarkusTest
class StreetsExportTest {
    @Inject
    NetworkService networks;

    @Test
    void theWholeDemoAndASmallerBox() {
        networks.awaitLoaded();
        JsonPath all = given().queryParam("west", 103.8).queryParam("south", 30.4).queryParam("east", 104.2)
                .queryParam("north", 30.9).get("/map/streets.geojson").then().statusCode(200).extract().jsonPath();
        // every edge of the loaded network lies in this box
        assertEquals(networks.require().network().edgeCount(), all.getList("features").size());
        JsonPath some = given().queryParam("west", 103.975).queryParam("south", 30.76).queryParam("east", 103.98)
                .queryParam("north", 30.765).get("/map/streets.geojson").then().statusCode(200).extract().jsonPath();
        int inBox = some.getList("features").size();
        assertTrue(inBox > 0 && inBox < all.getList("features").size(), "edges in the small box: " + inBox);
        for (List<List<Float>> line : some.<List<List<Float>>>getList("features.geometry.coordinates")) {
            assertTrue(line.stream().anyMatch(p -> p.get(0) >= 103.975 && p.get(0) <= 103.98
                    && p.get(1) >= 30.76 && p.get(1) <= 30.765), "a line with a point in the box");
        }
    }

    @Test
    void aBadBoxIsRefused() {
        given().queryParam("west", 104.0).queryParam("south", 30.7).queryParam("east", 103.9).queryParam("north", 30.8)
                .get("/map/streets.geojson").then().statusCode(400).body("errors[0].field", equalTo("boundingBox"));
        given().get("/map/streets.geojson").then().statusCode(400).body("errors[0].field", equalTo("boundingBox"));
    }
}
