package org.carecircle.tiles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violations;
import org.carecircle.coverage.Coverage;
import org.carecircle.coverage.CoverageData;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.coverage.CoverageReports;
import org.carecircle.coverage.CoverageService;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.coverage.GapAreas;
import org.carecircle.engine.geometry.BoxGrid;
import org.carecircle.engine.geometry.MapTile;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.PlaceNames;
import org.carecircle.engine.network.ServiceCircles;
import org.carecircle.engine.network.WalkingNetwork;
import org.carecircle.network.NetworkService;
import org.carecircle.network.StoredCircleService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * The map's layers as vector tiles, at any zoom over the whole city. Where a tile would hold more
 * than {@code carecircle.tiles.max-features} (4,096) cells or institutions, they are summed into {@value #SQUARES} ×
 * {@value #SQUARES} squares of the tile (so a tile stays small whatever the zoom); streets start at
 * zoom {@value #STREETS_FROM_ZOOM} (below it a city's every footpath would not fit in a tile, and the
 * cells, gaps and areas carry the picture); circles below zoom {@value #CIRCLES_MERGED_BELOW_ZOOM} are
 * merged into one outline per limit. Tiles are kept (least recently used out first) until the data,
 * network or scenario they were drawn from changes.
 */
@ApplicationScoped
public class TileService {
    static final int SQUARES = 64;
    static final int STREETS_FROM_ZOOM = 13;
    static final int CIRCLES_MERGED_BELOW_ZOOM = 12;
    private static final int DRAWN_PIXELS = 512;
    private static final long CACHE_BYTES = 128L << 20;
    private static final int KEPT_GAP_SETS = 4;

    @Inject
    CoverageService coverages;
    @Inject
    NetworkService networks;
    @Inject
    StoredCircleService storedCircles;
    @Inject
    TileEncoder encoder;
    @Inject
    EntityManager entityManager;
    @ConfigProperty(name = "carecircle.tiles.max-features")
    int maxFeatures;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true);
    private long cachedBytes;
    private final Map<CoverageData.Cells, Shapes> cellShapes = Collections.synchronizedMap(new WeakHashMap<>());
    private final Map<String, Gaps> gapSets = new LinkedHashMap<>(8, 0.75f, true);

    /** The gap areas of one analysis and limit, with their outlines indexed. */
    private record Gaps(List<CoverageReports.RankedGap> ranked, Shapes shapes) {
    }

    /** What a tile is drawn from besides its layer and place: the analysis, and for gaps their limit. */
    public record Request(CoverageParameters coverage, Double gapMinutes, boolean withCapacity) {
    }

    public byte[] tile(TileLayer layer, MapTile tile, Request request) {
        Violations violations = new Violations();
        Coverage.Settings settings = coverages.settings(request.coverage(), violations);
        violations.throwIfAny();
        // areas need no network: their tiles are drawn while it still loads
        String state = switch (layer) {
            case AREAS -> "areas " + coverages.dataVersions().areas();
            case STREETS, PLACES -> networks.require().checksum();
            default -> coverages.stateOf(settings) + " " + request.gapMinutes() + " " + request.withCapacity();
        };
        String key = layer + "/" + tile.z() + "/" + tile.x() + "/" + tile.y() + " " + state;
        synchronized (cache) {
            byte[] kept = cache.get(key);
            if (kept != null) {
                return kept;
            }
        }
        byte[] drawn = switch (layer) {
            case CELLS -> cells(tile, coverages.coverage(settings));
            case INSTITUTIONS -> institutions(tile, coverages.coverage(settings));
            case GAPS -> gaps(tile, coverages.coverage(settings), request, state);
            case CIRCLES -> circles(tile, coverages.coverage(settings), networks.require());
            case STREETS -> streets(tile, networks.require());
            case PLACES -> places(tile, networks.require());
            case AREAS -> areas(tile);
        };
        // circles still being drawn would be missing from a kept tile
        if (layer != TileLayer.CIRCLES || storedCircles.pending().isEmpty()) {
            keep(key, drawn);
        }
        return drawn;
    }

    private void keep(String key, byte[] tile) {
        synchronized (cache) {
            byte[] replaced = cache.put(key, tile);
            cachedBytes += tile.length - (replaced == null ? 0 : replaced.length);
            var eldest = cache.entrySet().iterator();
            while (cachedBytes > CACHE_BYTES && eldest.hasNext()) {
                cachedBytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
    }

    /** Cells with children under 3, minutes to the nearest institution, and per limit the children within and left without a place. */
    private byte[] cells(MapTile tile, Coverage coverage) {
        CoverageData.Cells cells = coverage.cells();
        List<Integer> inTile = cellShapes.computeIfAbsent(cells, held -> new Shapes(held.size(), c -> held.boundary[c]))
                .meeting(tile);
        CoverageAnalysis analysis = coverage.analysis();
        List<Double> minutes = coverage.settings().minutes();
        int limits = minutes.size();
        List<Geometry> shapes = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        boolean squares = inTile.size() > maxFeatures;
        // per feature: cells, children, children with a nearest time, their minutes summed, then within and uncovered per limit
        Map<Integer, double[]> bySquare = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (int c : inTile) {
            double[] sums;
            if (squares) {
                int column = tile.column(cells.longitude[c], SQUARES), row = tile.row(cells.latitude[c], SQUARES);
                if (column < 0 || column >= SQUARES || row < 0 || row >= SQUARES) {
                    continue;
                }
                sums = bySquare.computeIfAbsent(row * SQUARES + column, s -> new double[4 + 2 * limits]);
            } else {
                sums = new double[4 + 2 * limits];
                shapes.add(cells.boundary[c]);
                values.add(sums);
                ids.add(cells.cellId[c]);
            }
            double children = cells.childrenUnder3[c];
            Double nearest = coverage.minutes(analysis.nearestCost(c));
            sums[0]++;
            sums[1] += children;
            if (nearest != null) {
                // weighted by children, so a square's minutes are those its children walk (a cell of none still counts a little)
                double weight = Math.max(children, 1e-6);
                sums[2] += weight;
                sums[3] += weight * nearest;
            }
            for (int l = 0; l < limits; l++) {
                sums[4 + l] += analysis.within(c, l) ? children : 0;
                sums[4 + limits + l] += Math.max(0, analysis.demand()[c] - analysis.covered(c, l));
            }
        }
        for (Map.Entry<Integer, double[]> square : bySquare.entrySet()) {
            int row = square.getKey() / SQUARES, column = square.getKey() % SQUARES;
            shapes.add(GeoJson.FACTORY.toGeometry(new Envelope(tile.columnWest(column, SQUARES), tile.columnWest(column + 1, SQUARES),
                    tile.rowNorth(row + 1, SQUARES), tile.rowNorth(row, SQUARES))));
            values.add(square.getValue());
        }
        List<TileEncoder.Column> columns = new ArrayList<>();
        if (!squares) {
            columns.add(new TileEncoder.Column("cellId", "text", ids.toArray()));
        }
        columns.add(new TileEncoder.Column("cells", "int4", values.stream().map(v -> (int) v[0]).toArray()));
        columns.add(column("childrenUnder3", values, v -> v[1], squares));
        columns.add(new TileEncoder.Column("minutesToNearest", "float8",
                values.stream().map(v -> v[2] > 0 ? (Object) Decimals.round(v[3] / v[2], 1) : null).toArray()));
        for (int l = 0; l < limits; l++) {
            int limit = l;
            String suffix = Coverage.limitKey(minutes.get(l));
            columns.add(column("childrenWithin" + suffix, values, v -> v[4 + limit], squares));
            columns.add(column("childrenWantingPlaceUncovered" + suffix, values, v -> v[4 + limits + limit], squares));
        }
        return encoder.encode(TileLayer.CELLS.layerName(), tile, shapes, columns);
    }

    /** Children: to a tenth for a cell, whole for a square (fewer distinct values keep a low zoom's tile small). */
    private static TileEncoder.Column column(String name, List<double[]> values, ToDoubleFunction<double[]> value,
                                             boolean squares) {
        return squares ? new TileEncoder.Column(name, "int8", values.stream().map(v -> Math.round(value.applyAsDouble(v))).toArray())
                : new TileEncoder.Column(name, "float8", values.stream().map(v -> Decimals.round(value.applyAsDouble(v), 1)).toArray());
    }

    /** Shapes indexed by their boxes, to find those that meet a tile. */
    private static final class Shapes {
        private final IntFunction<Geometry> shape;
        private final BoxGrid grid;

        Shapes(int count, IntFunction<Geometry> shape) {
            this.shape = shape;
            this.grid = new BoxGrid(count, (i, box) -> {
                Envelope envelope = shape.apply(i).getEnvelopeInternal();
                box[0] = envelope.getMinX();
                box[1] = envelope.getMinY();
                box[2] = envelope.getMaxX();
                box[3] = envelope.getMaxY();
            }, 0.01);
        }

        /** The shapes whose boxes meet the tile with its buffer, in index order. */
        List<Integer> meeting(MapTile tile) {
            double[] box = buffered(tile);
            Envelope buffered = new Envelope(box[0], box[2], box[1], box[3]);
            List<Integer> found = new ArrayList<>();
            grid.query(box[0], box[1], box[2], box[3], i -> {
                if (shape.apply(i).getEnvelopeInternal().intersects(buffered)) {
                    found.add(i);
                }
            });
            Collections.sort(found);
            return found;
        }
    }

    /** Every institution of the analysis (a scenario's proposed ones included, its closed ones gone), or their sums by square. */
    private byte[] institutions(MapTile tile, Coverage coverage) {
        double[] box = buffered(tile);
        List<CoverageData.Site> inTile = new ArrayList<>();
        for (CoverageData.Site site : coverage.allSites()) {
            if (inBox(box, site.longitude(), site.latitude())) {
                inTile.add(site);
            }
        }
        Set<Long> counted = new HashSet<>();
        coverage.sites().forEach(site -> counted.add(site.id()));
        List<Geometry> shapes = new ArrayList<>();
        if (inTile.size() <= maxFeatures) {
            for (CoverageData.Site site : inTile) {
                shapes.add(GeoJson.FACTORY.createPoint(new Coordinate(site.longitude(), site.latitude())));
            }
            return encoder.encode(TileLayer.INSTITUTIONS.layerName(), tile, shapes, List.of(
                    new TileEncoder.Column("id", "int8", inTile.stream().map(CoverageData.Site::id).toArray()),
                    new TileEncoder.Column("name", "text", inTile.stream().map(CoverageData.Site::name).toArray()),
                    new TileEncoder.Column("ownership", "text", inTile.stream().map(s -> s.ownership().name()).toArray()),
                    new TileEncoder.Column("kind", "text", inTile.stream().map(s -> s.kind().name()).toArray()),
                    new TileEncoder.Column("status", "text", inTile.stream().map(s -> s.status().name()).toArray()),
                    new TileEncoder.Column("inclusive", "bool", inTile.stream().map(CoverageData.Site::inclusive).toArray()),
                    new TileEncoder.Column("slots", "int8", inTile.stream().map(CoverageData.Site::slots).toArray()),
                    new TileEncoder.Column("enrolled", "int8", inTile.stream().map(CoverageData.Site::enrolled).toArray()),
                    new TileEncoder.Column("counted", "bool", inTile.stream().map(s -> counted.contains(s.id())).toArray()),
                    new TileEncoder.Column("proposed", "bool", inTile.stream().map(s -> s.id() < 0).toArray()),
                    new TileEncoder.Column("estimated", "bool", inTile.stream().map(CoverageData.Site::estimated).toArray())));
        }
        // per square: institutions, slots, enrolled, longitude and latitude summed (the point drawn is their mean)
        Map<Integer, double[]> bySquare = new LinkedHashMap<>();
        for (CoverageData.Site site : inTile) {
            int column = tile.column(site.longitude(), SQUARES), row = tile.row(site.latitude(), SQUARES);
            if (column >= 0 && column < SQUARES && row >= 0 && row < SQUARES) {
                double[] sums = bySquare.computeIfAbsent(row * SQUARES + column, s -> new double[5]);
                sums[0]++;
                sums[1] += site.slots();
                sums[2] += site.enrolled();
                sums[3] += site.longitude();
                sums[4] += site.latitude();
            }
        }
        for (double[] sums : bySquare.values()) {
            shapes.add(GeoJson.FACTORY.createPoint(new Coordinate(sums[3] / sums[0], sums[4] / sums[0])));
        }
        return encoder.encode(TileLayer.INSTITUTIONS.layerName(), tile, shapes, List.of(
                new TileEncoder.Column("institutions", "int4", bySquare.values().stream().map(v -> (int) v[0]).toArray()),
                new TileEncoder.Column("slots", "int8", bySquare.values().stream().map(v -> (long) v[1]).toArray()),
                new TileEncoder.Column("enrolled", "int8", bySquare.values().stream().map(v -> (long) v[2]).toArray())));
    }

    /** The ranked gap areas of one limit (as gapAreas ranks them), their outlines; the largest first where a tile cannot hold all. */
    private byte[] gaps(MapTile tile, Coverage coverage, Request request, String state) {
        int limit = request.gapMinutes() == null ? coverage.settings().minutes().size() - 1
                : coverage.settings().limitIndex(request.gapMinutes());
        if (limit < 0) {
            throw new InvalidInputException("gapMinutes", "must be one of the analysis limits "
                    + coverage.settings().minutes() + " (got " + request.gapMinutes() + ")");
        }
        Gaps gaps;
        synchronized (gapSets) {
            gaps = gapSets.get(state);
        }
        if (gaps == null) {
            List<GapAreas.Gap> all = CoverageReports.gapsOf(coverage, limit, request.withCapacity());
            List<CoverageReports.RankedGap> ranked = new ArrayList<>(all.size());
            for (int g = 0; g < all.size(); g++) {
                ranked.add(CoverageReports.ranked(coverage, all.get(g), g + 1));
            }
            gaps = new Gaps(ranked, new Shapes(ranked.size(), g -> ranked.get(g).outline()));
            synchronized (gapSets) {
                gapSets.put(state, gaps);
                if (gapSets.size() > KEPT_GAP_SETS) {
                    gapSets.remove(gapSets.keySet().iterator().next());
                }
            }
        }
        // in rank order, so the tile keeps the largest
        List<Integer> inTile = gaps.shapes().meeting(tile);
        List<CoverageReports.RankedGap> drawn = new ArrayList<>();
        for (int g : inTile.subList(0, Math.min(inTile.size(), maxFeatures))) {
            drawn.add(gaps.ranked().get(g));
        }
        return encoder.encode(TileLayer.GAPS.layerName(), tile, drawn.stream().map(CoverageReports.RankedGap::outline).toList(), List.of(
                new TileEncoder.Column("rank", "int4", drawn.stream().map(g -> g.view().rank()).toArray()),
                new TileEncoder.Column("childrenUncovered", "float8", drawn.stream().map(g -> g.view().childrenUncovered()).toArray()),
                new TileEncoder.Column("childrenUnder3", "float8", drawn.stream().map(g -> g.view().childrenUnder3()).toArray()),
                new TileEncoder.Column("cells", "int4", drawn.stream().map(g -> g.view().cells()).toArray()),
                new TileEncoder.Column("meanMinutesToNearest", "float8", drawn.stream().map(g -> g.view().meanMinutesToNearest()).toArray()),
                new TileEncoder.Column("areaCode", "text", drawn.stream().map(g -> g.view().area() == null ? null : g.view().area().code()).toArray())));
    }

    /**
     * The stored service circles of the institutions the analysis counts, and circles drawn now for a
     * scenario's proposed sites; merged into one outline per limit at low zooms.
     */
    private byte[] circles(MapTile tile, Coverage coverage, NetworkLoader.Loaded network) {
        Long[] counted = coverage.sites().stream().map(CoverageData.Site::id).filter(id -> id > 0).toArray(Long[]::new);
        double[] box = buffered(tile);
        boolean merged = tile.z() < CIRCLES_MERGED_BELOW_ZOOM;
        String sql = merged
                ? "SELECT ST_AsBinary(ST_SimplifyPreserveTopology(ST_Union(ST_SimplifyPreserveTopology(boundary, :pixel)), :pixel)),"
                + " NULL, minutes FROM institution_service_circle"
                + " WHERE institution_id = ANY(CAST(:ids AS bigint[])) AND boundary && ST_MakeEnvelope(:west, :south, :east, :north, 4326)"
                + " GROUP BY minutes ORDER BY minutes"
                : "SELECT ST_AsBinary(boundary), institution_id, minutes FROM institution_service_circle"
                + " WHERE institution_id = ANY(CAST(:ids AS bigint[])) AND boundary && ST_MakeEnvelope(:west, :south, :east, :north, 4326)"
                + " ORDER BY institution_id, minutes";
        var query = entityManager.createNativeQuery(sql).setParameter("ids", counted)
                .setParameter("west", box[0]).setParameter("south", box[1]).setParameter("east", box[2]).setParameter("north", box[3]);
        if (merged) {
            // a pixel of the tile as a map draws it (512 across): finer steps of the circles' edges would not show, and
            // they cost: merging them (13 s and 600 KB for a city at zoom 8 at a 4,096th) and drawing them (a browser
            // without a GPU drew a city at zoom 11 at 3 frames a second while panning)
            query.setParameter("pixel", (tile.east() - tile.west()) / DRAWN_PIXELS);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Geometry> shapes = new ArrayList<>();
        List<Object> institutions = new ArrayList<>();
        List<Object> minutes = new ArrayList<>();
        WKBReader wkb = new WKBReader(GeoJson.FACTORY);
        for (Object[] row : rows) {
            try {
                shapes.add(wkb.read((byte[]) row[0]));
            } catch (ParseException e) {
                throw new IllegalStateException("PostGIS gave an unreadable circle", e);
            }
            institutions.add(row[1] == null ? null : ((Number) row[1]).longValue());
            minutes.add(((Number) row[2]).doubleValue());
        }
        double[] limits = storedCircles.minutes();
        for (CoverageData.Site site : coverage.sites()) {
            if (site.id() < 0 && site.longitude() >= box[0] - 0.02 && site.longitude() <= box[2] + 0.02
                    && site.latitude() >= box[1] - 0.02 && site.latitude() <= box[3] + 0.02) {
                List<ServiceCircles.Band> bands = storedCircles.bandsAt(network, site.latitude(), site.longitude());
                for (int b = 0; b < bands.size(); b++) {
                    shapes.add(bands.get(b).area());
                    institutions.add(site.id());
                    minutes.add(limits[b]);
                }
            }
        }
        return encoder.encode(TileLayer.CIRCLES.layerName(), tile, shapes, List.of(
                new TileEncoder.Column("institutionId", "int8", institutions.toArray()),
                new TileEncoder.Column("minutes", "float8", minutes.toArray())));
    }

    /** The walkable ways, steps marked, with their names (for labels). */
    private byte[] streets(MapTile tile, NetworkLoader.Loaded loaded) {
        WalkingNetwork network = loaded.network();
        if (tile.z() < STREETS_FROM_ZOOM) {
            return new byte[0];
        }
        double[] box = buffered(tile);
        List<Geometry> shapes = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        network.edgeGrid().query(box[0], box[1], box[2], box[3], edge -> {
            double[] line = network.edgeLine(edge);
            Coordinate[] points = new Coordinate[line.length / 2];
            for (int k = 0; k < points.length; k++) {
                points[k] = new Coordinate(line[2 * k], line[2 * k + 1]);
            }
            shapes.add(GeoJson.FACTORY.createLineString(points));
            steps.add(network.isSteps(edge));
            names.add(loaded.streetName(edge));
        });
        return encoder.encode(TileLayer.STREETS.layerName(), tile, shapes, List.of(new TileEncoder.Column("steps", "bool", steps.toArray()),
                new TileEncoder.Column("name", "text", names.toArray())));
    }

    /** The extract's named places labelled at this zoom; where a tile cannot hold them all, the larger kinds first. */
    private byte[] places(MapTile tile, NetworkLoader.Loaded loaded) {
        double[] box = buffered(tile);
        List<PlaceNames.Place> inTile = loaded.places().stream()
                .filter(place -> place.fromZoom() <= tile.z() && inBox(box, place.longitude(), place.latitude()))
                .sorted(Comparator.comparingInt(PlaceNames.Place::fromZoom)).limit(maxFeatures).toList();
        List<Geometry> shapes = inTile.stream().<Geometry>map(place -> GeoJson.FACTORY.createPoint(
                new Coordinate(place.longitude(), place.latitude()))).toList();
        return encoder.encode(TileLayer.PLACES.layerName(), tile, shapes, List.of(
                new TileEncoder.Column("name", "text", inTile.stream().map(PlaceNames.Place::name).toArray()),
                new TileEncoder.Column("kind", "text", inTile.stream().map(PlaceNames.Place::kind).toArray())));
    }

    /** Areas of every level with their code, name and level. */
    private byte[] areas(MapTile tile) {
        return encoder.query(TileLayer.AREAS.layerName(), tile, "f.code, f.name, f.level",
                "SELECT boundary AS shape, code, name, level FROM area WHERE boundary && :envelope");
    }

    private static boolean inBox(double[] box, double longitude, double latitude) {
        return longitude >= box[0] && longitude <= box[2] && latitude >= box[1] && latitude <= box[3];
    }

    /** The tile and its buffer, in degrees: west, south, east, north. */
    private static double[] buffered(MapTile tile) {
        double margin = (double) TileEncoder.BUFFER / TileEncoder.EXTENT;
        double width = tile.east() - tile.west(), height = tile.north() - tile.south();
        return new double[] {tile.west() - margin * width, tile.south() - margin * height, tile.east() + margin * width,
                tile.north() + margin * height};
    }
}
