package org.carecircle.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.engine.geometry.MapTile;
import org.carecircle.institution.OsmChildcareReader;
import org.carecircle.network.StoredCircleService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.carecircle.Fixtures.GRID_CELL;
import static org.carecircle.Fixtures.GRID_COLUMNS;
import static org.carecircle.Fixtures.GRID_ROWS;
import static org.carecircle.Fixtures.GRID_SOUTH;
import static org.carecircle.Fixtures.GRID_WEST;
import static org.carecircle.Fixtures.area;
import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createArea;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.point;
import static org.carecircle.Fixtures.rectangle;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tiles read back with an MVT reader of its own (sebasbaumh's mapbox-vector-tile-java), not with
 * PostGIS that wrote them, and checked against what the GraphQL API answers for the same data: the
 * Xipu grid (165 cells of 2 children), its kindergartens (20 slots each), three areas.
 */
@QuarkusTest
class MapTilesTest {
    static final double EAST = GRID_WEST + GRID_COLUMNS * GRID_CELL, NORTH = GRID_SOUTH + GRID_ROWS * GRID_CELL;
    static final double MIDDLE = GRID_WEST + 7 * GRID_CELL;

    @Inject
    TestDatabase database;
    @Inject
    StoredCircleService storedCircles;

    final List<Long> kindergartens = new ArrayList<>();

    @BeforeEach
    void prepare() {
        database.clear();
        createArea(area("D", "DISTRICT", null, rectangle(GRID_WEST, GRID_SOUTH, EAST, NORTH)));
        createArea(area("S1", "SUBDISTRICT", "D", rectangle(GRID_WEST, GRID_SOUTH, MIDDLE, NORTH)));
        createArea(area("S2", "SUBDISTRICT", "D", rectangle(MIDDLE, GRID_SOUTH, EAST, NORTH)));
        kindergartens.clear();
        for (OsmChildcareReader.Place place : OsmChildcareReader.read(new File("../shared/data/osm/chengdu-xipu.osm"))) {
            kindergartens.add(createInstitution(institution(place.osmId(), place.longitude(), place.latitude(),
                    classGroup("OLDER_TODDLER", 20, 10))));
        }
        upsertXipuGrid(2.0);
    }

    static List<Geometry> features(String layer, MapTile tile, String query) {
        byte[] body = given().get("/tiles/" + layer + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + ".mvt" + query)
                .then().statusCode(200).contentType(MapTiles.MEDIA_TYPE).extract().asByteArray();
        try {
            JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(body), new GeometryFactory(), new TagKeyValueMapConverter());
            assertTrue(mvt.getLayers().size() <= 1, "one layer a tile");
            JtsLayer found = mvt.getLayer(layer);
            if (found != null) {
                assertEquals(4096, found.getExtent());
            }
            return found == null ? List.of() : new ArrayList<>(found.getGeometries());
        } catch (IOException e) {
            throw new AssertionError("not a vector tile: " + layer + " " + tile, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(Geometry feature) {
        return (Map<String, Object>) feature.getUserData();
    }

    static double number(Geometry feature, String property) {
        return ((Number) properties(feature).get(property)).doubleValue();
    }

    /** The tiles at zoom z that hold the grid. */
    static List<MapTile> gridTiles(int z) {
        MapTile any = tileAt(z, GRID_WEST, NORTH);
        MapTile last = tileAt(z, EAST, GRID_SOUTH);
        List<MapTile> tiles = new ArrayList<>();
        for (int x = any.x(); x <= last.x(); x++) {
            for (int y = any.y(); y <= last.y(); y++) {
                tiles.add(new MapTile(z, x, y));
            }
        }
        return tiles;
    }

    static MapTile tileAt(int z, double longitude, double latitude) {
        MapTile world = new MapTile(0, 0, 0);
        return new MapTile(z, world.column(longitude, 1 << z), world.row(latitude, 1 << z));
    }

    @Test
    void cellsAtAStreetZoomAreTheCoverageCells() {
        MapTile tile = tileAt(17, GRID_WEST + 5.5 * GRID_CELL, GRID_SOUTH + 5.5 * GRID_CELL);
        List<Geometry> cells = features("cells", tile, "");
        assertFalse(cells.isEmpty());
        JsonPath api = GraphQL.ok(String.format(Locale.ROOT, """
                { coverageCells(boundingBox: {west: %f, south: %f, east: %f, north: %f}, first: 500) { nodes {
                    cellId childrenUnder3 minutesToNearest limits { minutes within childrenWantingPlaceUncovered } } } }""",
                tile.west(), tile.south(), tile.east(), tile.north()));
        Map<String, Integer> byId = new HashMap<>();
        List<String> ids = api.getList("data.coverageCells.nodes.cellId");
        for (int c = 0; c < ids.size(); c++) {
            byId.put(ids.get(c), c);
        }
        Set<String> drawn = new HashSet<>();
        for (Geometry cell : cells) {
            String id = (String) properties(cell).get("cellId");
            drawn.add(id);
            assertEquals(1, number(cell, "cells"));
            assertEquals(2.0, number(cell, "childrenUnder3"), 1e-9);
            Integer c = byId.get(id);
            if (c == null) {
                continue;
            }
            Float minutes = api.getObject("data.coverageCells.nodes[" + c + "].minutesToNearest", Float.class);
            assertEquals(minutes, ((Number) properties(cell).get("minutesToNearest")).floatValue(), 0.051f, id);
            boolean within5 = api.getBoolean("data.coverageCells.nodes[" + c + "].limits[0].within");
            assertEquals(within5 ? 2.0 : 0.0, number(cell, "childrenWithin5"), 1e-9, id);
            assertEquals(api.getFloat("data.coverageCells.nodes[" + c + "].limits[1].childrenWantingPlaceUncovered"),
                    number(cell, "childrenWantingPlaceUncovered15"), 0.051, id);
        }
        // every cell whose centre is in the tile is drawn (and cells just outside may be, for the buffer)
        assertTrue(drawn.containsAll(ids), drawn + " lacks some of " + ids);
    }

    /** Past 50 cells a tile (the test's cap), cells are summed into squares: nothing lost, nothing counted twice. */
    @Test
    void atLowZoomsCellsAreSummedIntoSquares() {
        double cells = 0, children = 0;
        for (MapTile tile : gridTiles(13)) {
            for (Geometry square : features("cells", tile, "")) {
                assertNull(properties(square).get("cellId"), "a square, not a cell");
                cells += number(square, "cells");
                children += number(square, "childrenUnder3");
                assertTrue(number(square, "childrenWithin15") <= number(square, "childrenUnder3"));
            }
        }
        assertEquals(GRID_COLUMNS * GRID_ROWS, cells);
        assertEquals(2.0 * GRID_COLUMNS * GRID_ROWS, children, 1e-9);
    }

    @Test
    void institutionsAndTheirSlots() {
        MapTile tile = tileAt(10, GRID_WEST, GRID_SOUTH);
        List<Geometry> drawn = features("institutions", tile, "");
        assertEquals(kindergartens.size(), drawn.size());
        for (Geometry institution : drawn) {
            assertTrue(institution instanceof Point);
            assertTrue(kindergartens.contains((long) number(institution, "id")));
            assertEquals(20, number(institution, "slots"));
            assertEquals(true, properties(institution).get("counted"));
        }
        // a proposed site of a scenario is drawn when the scenario is asked for, and only then
        GraphQL.ok("mutation($input: ScenarioInput!) { saveScenario(input: $input) { scenario { name } userErrors { field message code } } }", Map.of("input", Map.of(
                "name", "one-site", "proposed", List.of(Map.of("name", "new", "location", point(MIDDLE, GRID_SOUTH + 0.01),
                        "ownership", "PUBLIC", "kind", "COMMUNITY", "classGroups", List.of(classGroup("TODDLER", 30, 0)))))));
        List<Geometry> withScenario = features("institutions", tile, "?scenario=one-site");
        assertEquals(kindergartens.size() + 1, withScenario.size());
        assertEquals(1, withScenario.stream().filter(f -> Boolean.TRUE.equals(properties(f).get("proposed"))).count());
        storedCircles.awaitDrawn();
        MapTile near = tileAt(15, MIDDLE, GRID_SOUTH + 0.01);
        assertTrue(features("circles", near, "?scenario=one-site").stream().anyMatch(f -> number(f, "institutionId") < 0));
        assertTrue(features("circles", near, "").stream().noneMatch(f -> number(f, "institutionId") < 0));
    }

    @Test
    void gapsAreTheRankedGapAreas() {
        JsonPath api = GraphQL.ok("{ gapAreas(minutes: 5, first: 500) { gaps { nodes { rank childrenUncovered } } } }");
        Map<Integer, Float> uncovered = new HashMap<>();
        List<Integer> ranks = api.getList("data.gapAreas.gaps.nodes.rank", Integer.class);
        List<Float> children = api.getList("data.gapAreas.gaps.nodes.childrenUncovered", Float.class);
        for (int g = 0; g < ranks.size(); g++) {
            uncovered.put(ranks.get(g), children.get(g));
        }
        Set<Integer> drawn = new HashSet<>();
        for (MapTile tile : gridTiles(12)) {
            for (Geometry gap : features("gaps", tile, "?minutes=5&minutes=15&gapMinutes=5")) {
                int rank = (int) number(gap, "rank");
                drawn.add(rank);
                assertEquals(uncovered.get(rank), number(gap, "childrenUncovered"), 1e-3);
            }
        }
        // a tile holds at most 50 gaps in the tests (4,096 by default): the largest
        assertTrue(ranks.size() > 50, "enough gaps to cross the cap: " + ranks.size());
        for (int rank = 1; rank <= 50; rank++) {
            assertTrue(drawn.contains(rank), "gap " + rank + " drawn");
        }
        assertTrue(uncovered.keySet().containsAll(drawn));
    }

    @Test
    void streetsAreasAndCircles() throws IOException {
        MapTile street = tileAt(15, GRID_WEST + 7 * GRID_CELL, GRID_SOUTH + 5 * GRID_CELL);
        List<Geometry> streets = features("streets", street, "");
        assertTrue(streets.size() > 10, "streets: " + streets.size());
        assertTrue(streets.stream().allMatch(s -> s instanceof LineString || s.getGeometryType().equals("MultiLineString")));
        assertTrue(streets.stream().allMatch(s -> properties(s).get("steps") instanceof Boolean));
        assertTrue(features("streets", new MapTile(12, street.x() >> 3, street.y() >> 3), "").isEmpty());
        // named as the extract names its ways (for the map's labels)
        Set<Object> names = new HashSet<>();
        for (MapTile tile : gridTiles(13)) {
            features("streets", tile, "").forEach(s -> names.add(properties(s).get("name")));
        }
        assertTrue(names.contains(null), "unnamed footpaths stay unnamed");
        names.remove(null);
        assertTrue(names.size() > 5, names.toString());
        String extract = Files.readString(Path.of("../shared/data/osm/chengdu-xipu.osm"));
        assertTrue(names.stream().allMatch(name -> extract.contains("k=\"name\" v=\"" + name + "\"")), names.toString());

        Set<String> codes = new HashSet<>();
        for (MapTile tile : gridTiles(12)) {
            features("areas", tile, "").forEach(a -> codes.add((String) properties(a).get("code")));
        }
        assertEquals(Set.of("D", "S1", "S2"), codes);

        storedCircles.awaitDrawn();
        Set<Double> minutes = new HashSet<>();
        Set<Long> institutions = new HashSet<>();
        for (MapTile tile : gridTiles(14)) {
            for (Geometry circle : features("circles", tile, "")) {
                minutes.add(number(circle, "minutes"));
                institutions.add((long) number(circle, "institutionId"));
            }
        }
        assertEquals(Set.of(5.0, 15.0), minutes);
        assertTrue(kindergartens.containsAll(institutions) && !institutions.isEmpty(), institutions.toString());
        // at low zooms, one outline per limit
        List<Geometry> merged = features("circles", tileAt(11, GRID_WEST, GRID_SOUTH), "");
        assertEquals(List.of(5.0, 15.0), merged.stream().map(c -> number(c, "minutes")).sorted().toList());
        assertTrue(merged.stream().allMatch(c -> properties(c).get("institutionId") == null));
    }

    /** The extract's named places, each from the zoom its kind is labelled at: the village 林湾村 from 12, the locality 铁桥 from 14. */
    @Test
    void placesByTheirKindsZoom() {
        double[] village = {103.9917202, 30.7627905}, locality = {103.9845972, 30.7624385};
        assertEquals(List.of(), placeNames(tileAt(11, village[0], village[1])));
        assertTrue(placeNames(tileAt(12, village[0], village[1])).contains("林湾村 village"));
        assertFalse(placeNames(tileAt(13, locality[0], locality[1])).contains("铁桥 locality"));
        assertTrue(placeNames(tileAt(14, locality[0], locality[1])).contains("铁桥 locality"));
    }

    private static List<String> placeNames(MapTile tile) {
        return features("places", tile, "").stream().map(p -> properties(p).get("name") + " " + properties(p).get("kind")).toList();
    }

    @Test
    void badTilesAreRefusedByName() {
        given().get("/tiles/roads/1/0/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("layer"))
                .body("errors[0].reason", containsString("cells"));
        given().get("/tiles/cells/23/0/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("tile"));
        given().get("/tiles/cells/2/4/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("tile"));
        given().get("/tiles/cells/2/a/0.mvt").then().statusCode(400).body("errors[0].field", equalTo("x"));
        given().get("/tiles/cells/2/0/0.mvt?takeUpRate=2").then().statusCode(400).body("errors[0].field", equalTo("takeUpRate"));
        given().get("/tiles/gaps/2/0/0.mvt?gapMinutes=7").then().statusCode(400).body("errors[0].field", equalTo("gapMinutes"));
        given().get("/tiles/cells/2/0/0.mvt?scenario=none").then().statusCode(404).body("errors[0].field", equalTo("scenario"));
    }
}
