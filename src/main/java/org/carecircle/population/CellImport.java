package org.carecircle.population;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.CsvReader;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.ImportReport;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.ServiceRegion;
import org.carecircle.api.Violation;
import org.carecircle.api.Violations;
import org.carecircle.engine.geometry.Projection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A population grid from CSV: one cell a row, given as a WKT polygon or as its centre point (then a
 * square of {@code cellMetres}), with residents and children under 3. All or nothing, each problem
 * named by its line and column; an existing cell id is replaced.
 */
@ApplicationScoped
public class CellImport {
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("编号", "cellId"), Map.entry("网格编号", "cellId"), Map.entry("几何", "wkt"), Map.entry("geometry", "wkt"),
            Map.entry("经度", "longitude"), Map.entry("纬度", "latitude"), Map.entry("常住人口", "residents"),
            Map.entry("人口", "residents"), Map.entry("3岁以下儿童", "childrenUnder3"), Map.entry("婴幼儿", "childrenUnder3"),
            Map.entry("来源", "source"), Map.entry("年份", "year"), Map.entry("估算", "estimated"),
            Map.entry("估算方法", "estimationMethod"));
    static final List<String> COLUMNS = List.of("cellId", "wkt", "longitude", "latitude", "residents", "childrenUnder3",
            "source", "year", "estimated", "estimationMethod");
    private static final Pattern CELL_FIELD = Pattern.compile("^cells\\[(\\d+)]\\.?(.*)$");

    @Inject
    PopulationService population;
    @Inject
    EntityManager entityManager;
    @Inject
    ApiLimits limits;

    @Transactional
    public ImportReport importCsv(String content, CoordinateSystem coordinates, Double cellMetres, boolean dryRun) {
        double size = cellMetres == null ? 100 : cellMetres;
        CoordinateSystem system = coordinates == null ? CoordinateSystem.WGS84 : coordinates;
        Violations violations = new Violations();
        violations.check(size >= 10 && size <= 5000, "cellMetres", "must be from 10 to 5000 (got " + size + ")");
        List<CsvReader.Row> rows = CsvReader.read(content, 1_000_000, "content");
        if (rows.isEmpty()) {
            throw new InvalidInputException("content", "is empty: give a header row and one row per cell");
        }
        List<String> header = rows.get(0).fields();
        Map<String, Integer> column = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = ALIASES.getOrDefault(header.get(c).trim(), header.get(c).trim());
            if (violations.check(COLUMNS.contains(name), "line 1 column " + (c + 1),
                    "\"" + header.get(c) + "\" is not a known column; known: " + COLUMNS + " or their Chinese names")) {
                column.put(name, c);
            }
        }
        for (String required : List.of("cellId", "residents", "childrenUnder3")) {
            violations.check(column.containsKey(required), "line 1", "has no " + required + " column");
        }
        violations.check(column.containsKey("wkt") || column.containsKey("longitude") && column.containsKey("latitude"),
                "line 1", "needs a wkt column or longitude and latitude columns");
        violations.throwIfAny();
        violations.check(rows.size() > 1, "content", "holds no cells");
        List<PopulationCellInput> cells = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String place = "line " + row.line();
            if (!violations.check(row.fields().size() == header.size(), place,
                    "has " + row.fields().size() + " fields where the header has " + header.size())) {
                continue;
            }
            Row values = new Row(row.fields(), column, header, place, violations);
            Polygon boundary = values.has("wkt") ? values.polygon(system) : values.square(system, size);
            cells.add(new PopulationCellInput(values.text("cellId"), boundary == null ? null : GeoJson.write(boundary),
                    values.number("residents"), values.number("childrenUnder3"), values.text("source"),
                    values.number("year") == null ? null : values.number("year").intValue(),
                    values.has("estimated") ? values.yes("estimated") : null, values.text("estimationMethod")));
            lines.add(row.line());
        }
        violations.throwIfAny();
        UpsertResult written;
        try {
            written = population.upsert(cells);
        } catch (InvalidInputException e) {
            // the grid's own rules speak of cells[i]: name the file's line instead
            Violations renamed = new Violations();
            for (Violation violation : e.violations()) {
                Matcher matcher = CELL_FIELD.matcher(violation.field());
                renamed.add(matcher.matches() ? "line " + lines.get(Integer.parseInt(matcher.group(1))) + " "
                        + matcher.group(2) : violation.field(), violation.reason());
            }
            throw new InvalidInputException(renamed.list());
        }
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        }
        return new ImportReport(dryRun, cells.size(), written.inserted(), written.updated());
    }

    /**
     * Cells from a GeoTIFF of people per pixel, clipped to the box (default: the extent of every
     * area held); children under 3 are a share of the people, an estimate that says so.
     */
    @Transactional
    public ImportReport importRaster(byte[] tiff, String name, Envelope clip, Double childrenShare, boolean dryRun) {
        double share = childrenShare == null ? BuildingPopulation.Settings.DEFAULT.childrenShare() : childrenShare;
        Violations violations = new Violations();
        violations.check(share > 0 && share < 1, "childrenShare", "must be more than 0 and less than 1 (got " + share + ")");
        violations.check(name.matches("[A-Za-z0-9_.-]{1,40}"), "name", "must be 1 to 40 letters, digits, '.', '_' or '-'");
        violations.throwIfAny();
        Envelope box = ServiceRegion.get().clip(clip != null ? clip : areasExtent());
        List<PopulationRaster.Pixel> pixels = PopulationRaster.read(tiff, box);
        if (pixels.isEmpty()) {
            throw new InvalidInputException("content", "has no populated pixel inside " + box);
        }
        String method = String.format(Locale.ROOT, "residents: people per pixel of raster %s; children under 3 = %.1f %% "
                + "of residents", name, share * 100);
        // pixels are rectangles of non-negative people (PopulationRaster checks them): written as they are
        List<PopulationService.CheckedCell> cells = new ArrayList<>(pixels.size());
        for (PopulationRaster.Pixel pixel : pixels) {
            double people = Decimals.round(pixel.people(), 2);
            cells.add(new PopulationService.CheckedCell(name + "-" + pixel.column() + "-" + pixel.row(), pixel.boundary(),
                    people, Decimals.round(people * share, 2), "raster " + name, null, true, method));
        }
        UpsertResult written = population.write(cells);
        if (dryRun) {
            QuarkusTransaction.setRollbackOnly();
        }
        return new ImportReport(dryRun, cells.size(), written.inserted(), written.updated());
    }

    private Envelope areasExtent() {
        Object[] box = (Object[]) entityManager.createNativeQuery(
                "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(boundary) AS e FROM area) x")
                .getSingleResult();
        if (box[0] == null) {
            throw new InvalidInputException("boundingBox", "is needed: no area is held to clip the raster to; give the "
                    + "study area's west, south, east and north, or import areas first");
        }
        return new Envelope(((Number) box[0]).doubleValue(), ((Number) box[2]).doubleValue(),
                ((Number) box[1]).doubleValue(), ((Number) box[3]).doubleValue());
    }

    /** One row's values by column name, each problem recorded under its line and column. */
    private record Row(List<String> fields, Map<String, Integer> column, List<String> header, String place,
                       Violations violations) {
        boolean has(String name) {
            return column.containsKey(name) && !fields.get(column.get(name)).isBlank();
        }

        String text(String name) {
            return has(name) ? fields.get(column.get(name)).trim() : null;
        }

        String label(String name) {
            return place + " " + header.get(column.get(name)).trim();
        }

        Double number(String name) {
            if (!has(name)) {
                return null;
            }
            try {
                return Double.parseDouble(text(name));
            } catch (NumberFormatException e) {
                violations.add(label(name), "\"" + text(name) + "\" is not a number");
                return null;
            }
        }

        Boolean yes(String name) {
            String value = text(name).toLowerCase(Locale.ROOT);
            boolean yes = List.of("true", "yes", "1", "是").contains(value);
            violations.check(yes || List.of("false", "no", "0", "否").contains(value), label(name),
                    "\"" + text(name) + "\" is not yes or no");
            return yes;
        }

        Polygon polygon(CoordinateSystem system) {
            try {
                Geometry geometry = new WKTReader(GeoJson.FACTORY).read(text("wkt"));
                if (!(geometry instanceof Polygon polygon)) {
                    violations.add(label("wkt"), "must be a POLYGON (got " + geometry.getGeometryType() + ")");
                    return null;
                }
                for (Coordinate point : polygon.getCoordinates()) {
                    if (!inRange(point.x, point.y)) {
                        return null;
                    }
                }
                Polygon converted = (Polygon) polygon.copy();
                converted.apply((Coordinate point) -> {
                    double[] wgs84 = system.toWgs84(point.x, point.y);
                    point.x = wgs84[0];
                    point.y = wgs84[1];
                });
                converted.geometryChanged();
                return converted;
            } catch (ParseException e) {
                violations.add(label("wkt"), "is not WKT: " + e.getMessage());
                return null;
            }
        }

        Polygon square(CoordinateSystem system, double metres) {
            Double longitude = number("longitude"), latitude = number("latitude");
            if (longitude == null || latitude == null || !inRange(longitude, latitude)) {
                violations.check(longitude != null && latitude != null, place, "needs longitude and latitude (or wkt)");
                return null;
            }
            double[] centre = system.toWgs84(longitude, latitude);
            double halfLatitude = metres / 2 / Projection.METRES_PER_DEGREE;
            double halfLongitude = new Projection(centre[1], centre[0]).longitudeDegrees(metres / 2);
            return (Polygon) GeoJson.FACTORY.toGeometry(new Envelope(centre[0] - halfLongitude, centre[0] + halfLongitude,
                    centre[1] - halfLatitude, centre[1] + halfLatitude));
        }

        private boolean inRange(double longitude, double latitude) {
            String refusal = ServiceRegion.get().refusal(longitude, latitude);
            return violations.check(refusal == null, column.containsKey("wkt") ? label("wkt") : place, refusal);
        }
    }
}
