package org.carecircle.population;

import com.graphhopper.reader.ReaderWay;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.engine.geometry.Projection;
import org.carecircle.engine.osm.OsmElements;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A population grid estimated from OpenStreetMap where no census grid exists. Residents live in
 * residential buildings: footprint × levels = floor area, divided by the floor area per resident.
 * Residential land use with no residential building mapped inside a cell gets a density instead
 * (OSM in Chinese cities maps compounds more often than their buildings). Each building counts in
 * the cell holding its centre. Totals can be scaled to a published figure; children under 3 are a
 * share of residents.
 */
public final class BuildingPopulation {
    /** Levels assumed when a building has no building:levels tag, by its building value. */
    static final Map<String, Integer> DEFAULT_LEVELS = Map.of("apartments", 6, "residential", 6, "dormitory", 5,
            "house", 2, "detached", 2, "semidetached_house", 2, "terrace", 3, "yes", 4);
    /** building=yes counts only inside residential land use: elsewhere it may be anything. */
    static final String ANY_BUILDING = "yes";

    /**
     * The rule's numbers: cell size, floor area per resident (China's urban housing floor area per
     * person, about 36.5 m² in the 2020 census, rounded down for shared space: 35), residents per
     * hectare of residential land use without mapped buildings, the children's share (2.2 %:
     * Yubei 2024, 34,000 of 1,567,000) and an optional total to scale to.
     */
    public record Settings(double cellMetres, double floorAreaPerResident, double landUseResidentsPerHectare,
                           double childrenShare, Double residentsTotal) {
        public static final Settings DEFAULT = new Settings(100, 35, 150, 0.022, null);

        public String method() {
            return String.format(Locale.ROOT, "OpenStreetMap residential buildings: footprint × building:levels (default "
                    + "by type: %s) ÷ %.0f m² per resident; residential land use without mapped buildings at %.0f residents "
                    + "per hectare%s; children under 3 = %.1f %% of residents", DEFAULT_LEVELS, floorAreaPerResident,
                    landUseResidentsPerHectare, residentsTotal == null ? ""
                            : String.format(Locale.ROOT, "; scaled to %.0f residents in all", residentsTotal),
                    childrenShare * 100);
        }
    }

    /** One estimated cell: its grid position, boundary, residents and children. */
    public record Cell(int column, int row, Polygon boundary, double residents, double childrenUnder3) {
    }

    private BuildingPopulation() {
    }

    /** The cells of the study area with anybody in them, west to east then south to north. */
    public static List<Cell> estimate(File osmFile, Envelope studyArea, Settings settings) {
        List<OsmElements.Way> ways = OsmElements.ways(osmFile, way -> way.hasTag("building") || way.hasTag("landuse", "residential"),
                node -> { });
        Projection local = new Projection(studyArea.centre().y, studyArea.centre().x);
        double latitudeStep = settings.cellMetres() / Projection.METRES_PER_DEGREE;
        double longitudeStep = local.longitudeDegrees(settings.cellMetres());
        int columns = (int) Math.ceil(studyArea.getWidth() / longitudeStep);
        int rows = (int) Math.ceil(studyArea.getHeight() / latitudeStep);
        double[] fromBuildings = new double[columns * rows];
        List<IndexedPointInAreaLocator> residentialLand = new ArrayList<>();
        List<Polygon> residentialPolygons = new ArrayList<>();
        for (OsmElements.Way way : ways) {
            Polygon outline = outline(way);
            if (outline != null && way.way().hasTag("landuse", "residential")) {
                residentialLand.add(new IndexedPointInAreaLocator(outline));
                residentialPolygons.add(outline);
            }
        }
        for (OsmElements.Way way : ways) {
            ReaderWay tags = way.way();
            String type = tags.getTag("building");
            Polygon outline = outline(way);
            if (type == null || outline == null || !DEFAULT_LEVELS.containsKey(type)) {
                continue;
            }
            Coordinate centre = outline.getCentroid().getCoordinate();
            if (type.equals(ANY_BUILDING) && !inside(centre, residentialPolygons, residentialLand)) {
                continue;
            }
            int column = (int) Math.floor((centre.x - studyArea.getMinX()) / longitudeStep);
            int row = (int) Math.floor((centre.y - studyArea.getMinY()) / latitudeStep);
            if (column < 0 || row < 0 || column >= columns || row >= rows) {
                continue;
            }
            fromBuildings[row * columns + column] += squareMetres(outline) * levels(tags, type) / settings.floorAreaPerResident();
        }
        double perCell = settings.landUseResidentsPerHectare() * settings.cellMetres() * settings.cellMetres() / 10_000;
        double[] residents = new double[columns * rows];
        double total = 0;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int at = row * columns + column;
                Coordinate centre = new Coordinate(studyArea.getMinX() + (column + 0.5) * longitudeStep,
                        studyArea.getMinY() + (row + 0.5) * latitudeStep);
                residents[at] = fromBuildings[at] > 0 ? fromBuildings[at]
                        : inside(centre, residentialPolygons, residentialLand) ? perCell : 0;
                total += residents[at];
            }
        }
        double scale = settings.residentsTotal() != null && total > 0 ? settings.residentsTotal() / total : 1;
        List<Cell> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                double people = Decimals.round(residents[row * columns + column] * scale, 1);
                if (people > 0) {
                    double west = studyArea.getMinX() + column * longitudeStep, south = studyArea.getMinY() + row * latitudeStep;
                    Polygon boundary = (Polygon) GeoJson.FACTORY.toGeometry(
                            new Envelope(west, west + longitudeStep, south, south + latitudeStep));
                    cells.add(new Cell(column, row, boundary, people,
                            Decimals.round(people * settings.childrenShare(), 2)));
                }
            }
        }
        return cells;
    }

    private static int levels(ReaderWay way, String type) {
        String tagged = way.getTag("building:levels");
        if (tagged != null) {
            try {
                double levels = Double.parseDouble(tagged.trim());
                if (levels >= 1 && levels <= 100) {
                    return (int) Math.round(levels);
                }
            } catch (NumberFormatException ignored) {
                // an unreadable tag falls back to the type's default
            }
        }
        return DEFAULT_LEVELS.get(type);
    }

    private static boolean inside(Coordinate point, List<Polygon> polygons, List<IndexedPointInAreaLocator> locators) {
        for (int i = 0; i < polygons.size(); i++) {
            if (polygons.get(i).getEnvelopeInternal().covers(point) && locators.get(i).locate(point) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /** The closed way as a polygon, or null if it is not closed or lacks nodes. */
    static Polygon outline(OsmElements.Way way) {
        int count = way.latitudes().length;
        if (count < 4) {
            return null;
        }
        Coordinate[] ring = new Coordinate[count];
        for (int i = 0; i < count; i++) {
            if (Double.isNaN(way.latitudes()[i])) {
                return null;
            }
            ring[i] = new Coordinate(way.longitudes()[i], way.latitudes()[i]);
        }
        if (!ring[0].equals2D(ring[count - 1])) {
            return null;
        }
        Polygon polygon = GeoJson.FACTORY.createPolygon(ring);
        return polygon.isValid() ? polygon : null;
    }

    /** Area in square metres on a local equirectangular projection (buildings are small). */
    static double squareMetres(Polygon polygon) {
        double cos = Math.cos(Math.toRadians(polygon.getCentroid().getY()));
        return polygon.getArea() * Projection.METRES_PER_DEGREE * Projection.METRES_PER_DEGREE * cos;
    }
}
