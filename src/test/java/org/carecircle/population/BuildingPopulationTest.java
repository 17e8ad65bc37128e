package org.carecircle.population;

import org.carecircle.engine.geometry.Projection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-made extract on a 1 km square study area of 100 m cells (west-south corner at 104.0 E,
 * 30.0 N): an apartment block 20 × 50 m with 10 levels in cell (1, 1): 10,000 m² of floor ÷ 35 =
 * 285.7 residents; a house 10 × 10 m without levels (2 by default) in the same cell: 5.7; a
 * building=yes outside residential land use (not counted); and residential land use of 300 × 300 m
 * covering cells (5..7, 5..7) with no building: 150 residents each.
 */
class BuildingPopulationTest {
    static final double METRES_PER_DEGREE = Projection.METRES_PER_DEGREE;
    static final double LATITUDE = 30.0, LONGITUDE = 104.0;

    @TempDir
    Path folder;

    static double latitude(double northMetres) {
        return LATITUDE + northMetres / METRES_PER_DEGREE;
    }

    static double longitude(double eastMetres) {
        return LONGITUDE + eastMetres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(LATITUDE + 500 / METRES_PER_DEGREE)));
    }

    private int nextNode = 1;

    private String square(StringBuilder nodes, double west, double south, double east, double north, long wayId, String tags) {
        int first = nextNode;
        double[][] corners = {{west, south}, {east, south}, {east, north}, {west, north}};
        for (double[] corner : corners) {
            nodes.append(String.format(Locale.ROOT, " <node id=\"%d\" lat=\"%.9f\" lon=\"%.9f\"/>%n", nextNode++,
                    latitude(corner[1]), longitude(corner[0])));
        }
        return String.format(Locale.ROOT, " <way id=\"%d\"><nd ref=\"%d\"/><nd ref=\"%d\"/><nd ref=\"%d\"/><nd ref=\"%d\"/>"
                + "<nd ref=\"%d\"/>%s</way>%n", wayId, first, first + 1, first + 2, first + 3, first, tags);
    }

    Path extract() throws IOException {
        StringBuilder nodes = new StringBuilder();
        StringBuilder ways = new StringBuilder();
        ways.append(square(nodes, 120, 120, 170, 140, 1,
                "<tag k=\"building\" v=\"apartments\"/><tag k=\"building:levels\" v=\"10\"/>"));
        ways.append(square(nodes, 150, 160, 160, 170, 2, "<tag k=\"building\" v=\"house\"/>"));
        ways.append(square(nodes, 820, 120, 840, 140, 3, "<tag k=\"building\" v=\"yes\"/>"));
        ways.append(square(nodes, 500, 500, 800, 800, 4, "<tag k=\"landuse\" v=\"residential\"/>"));
        Path file = folder.resolve("estimate.osm");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n" + nodes + ways + "</osm>\n",
                StandardCharsets.UTF_8);
        return file;
    }

    static Envelope studyArea() {
        return new Envelope(longitude(0), longitude(1000), latitude(0), latitude(1000));
    }

    @Test
    void buildingsAndResidentialLandBecomeCells() throws IOException {
        List<BuildingPopulation.Cell> cells = BuildingPopulation.estimate(extract().toFile(), studyArea(),
                BuildingPopulation.Settings.DEFAULT);
        assertEquals(10, cells.size());
        BuildingPopulation.Cell block = cells.get(0);
        assertEquals(List.of(1, 1), List.of(block.column(), block.row()));
        assertEquals(10_000 / 35.0 + 200 / 35.0, block.residents(), 0.2);
        assertEquals(block.residents() * 0.022, block.childrenUnder3(), 0.01);
        for (BuildingPopulation.Cell cell : cells.subList(1, cells.size())) {
            assertTrue(cell.column() >= 5 && cell.column() <= 7 && cell.row() >= 5 && cell.row() <= 7, cell.toString());
            assertEquals(150, cell.residents(), 1e-9);
        }
    }

    @Test
    void scaledToAPublishedTotal() throws IOException {
        List<BuildingPopulation.Cell> cells = BuildingPopulation.estimate(extract().toFile(), studyArea(),
                new BuildingPopulation.Settings(100, 35, 150, 0.03, 10_000.0));
        double residents = cells.stream().mapToDouble(BuildingPopulation.Cell::residents).sum();
        assertEquals(10_000, residents, 1.0);
        assertEquals(0.03 * cells.get(1).residents(), cells.get(1).childrenUnder3(), 0.01);
    }
}
