package org.carecircle.area;

import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderRelation;
import com.graphhopper.reader.osm.SkipOptions;
import org.carecircle.api.GeoJson;
import org.carecircle.engine.osm.OsmElements;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Areas from an OSM extract: subdistricts and towns ({@code boundary=administrative},
 * {@code admin_level=8}) whose every outer way is in the extract and closes into rings; and the
 * extract's own box, the study area when no boundary is complete.
 */
public final class OsmAreas {
    /** One boundary: OSM relation id, name, level (a name ending in 镇 is a TOWN) and outline. */
    public record Boundary(long relationId, String name, AreaLevel level, MultiPolygon outline) {
    }

    private static final Pattern BOUNDS = Pattern.compile(
            "<bounds\\s+minlat=\"([-\\d.]+)\"\\s+minlon=\"([-\\d.]+)\"\\s+maxlat=\"([-\\d.]+)\"\\s+maxlon=\"([-\\d.]+)\"");

    private OsmAreas() {
    }

    /** The export box of an OSM XML extract ({@code <bounds>}), or null if it has none. */
    public static Envelope exportBox(File osmFile) {
        if (!osmFile.getName().endsWith(".osm")) {
            return null;
        }
        try (BufferedReader reader = Files.newBufferedReader(osmFile.toPath(), StandardCharsets.UTF_8)) {
            for (int line = 0; line < 20; line++) {
                String text = reader.readLine();
                if (text == null) {
                    break;
                }
                Matcher matcher = BOUNDS.matcher(text);
                if (matcher.find()) {
                    return new Envelope(Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(4)),
                            Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(3)));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin_level 8 boundaries that the extract holds completely. */
    public static List<Boundary> subdistricts(File osmFile) {
        List<ReaderRelation> relations = new ArrayList<>();
        OsmElements.forEach(osmFile, new SkipOptions(true, true, false), element -> {
            if (element instanceof ReaderRelation relation && relation.hasTag("boundary", "administrative")
                    && relation.hasTag("admin_level", "8") && relation.getTag("name") != null) {
                relations.add(relation);
            }
        });
        Set<Long> outerWays = new HashSet<>();
        relations.forEach(relation -> relation.getMembers().forEach(member -> {
            if (member.getType() == ReaderElement.Type.WAY && !"inner".equals(member.getRole())) {
                outerWays.add(member.getRef());
            }
        }));
        Map<Long, OsmElements.Way> ways = new HashMap<>();
        for (OsmElements.Way way : OsmElements.ways(osmFile, way -> outerWays.contains(way.getId()), node -> { })) {
            ways.put(way.way().getId(), way);
        }
        List<Boundary> boundaries = new ArrayList<>();
        for (ReaderRelation relation : relations) {
            MultiPolygon outline = outline(relation, ways);
            if (outline != null) {
                String name = relation.getTag("name");
                boundaries.add(new Boundary(relation.getId(), name, name.endsWith("镇") ? AreaLevel.TOWN : AreaLevel.SUBDISTRICT,
                        outline));
            }
        }
        return boundaries;
    }

    /** The relation's outer ways closed into polygons, or null if a way or node is missing or a ring stays open. */
    private static MultiPolygon outline(ReaderRelation relation, Map<Long, OsmElements.Way> ways) {
        Polygonizer polygonizer = new Polygonizer(true);
        for (ReaderRelation.Member member : relation.getMembers()) {
            if (member.getType() != ReaderElement.Type.WAY || "inner".equals(member.getRole())) {
                continue;
            }
            OsmElements.Way way = ways.get(member.getRef());
            if (way == null) {
                return null;
            }
            Coordinate[] line = new Coordinate[way.latitudes().length];
            for (int i = 0; i < line.length; i++) {
                if (Double.isNaN(way.latitudes()[i])) {
                    return null;
                }
                line[i] = new Coordinate(way.longitudes()[i], way.latitudes()[i]);
            }
            polygonizer.add((Geometry) GeoJson.FACTORY.createLineString(line));
        }
        if (!polygonizer.getDangles().isEmpty() || !polygonizer.getCutEdges().isEmpty()
                || !polygonizer.getInvalidRingLines().isEmpty() || polygonizer.getPolygons().isEmpty()) {
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (Object polygon : polygonizer.getPolygons()) {
            polygons.add((Polygon) polygon);
        }
        return GeoJson.FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }
}
