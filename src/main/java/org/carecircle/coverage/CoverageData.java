package org.carecircle.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.carecircle.area.AreaLevel;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.coverage.CellNeighbours;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.InstitutionStatus;
import org.carecircle.institution.Ownership;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads what an analysis needs from PostGIS as plain arrays: the area tree, the population cells
 * (with their deepest area and their link to the network, kept until the cells, areas or network
 * change) and the institutions with their slot totals.
 */
@ApplicationScoped
public class CoverageData {
    private static final Logger LOG = Logger.getLogger(CoverageData.class);

    @Inject
    EntityManager entityManager;
    @Inject
    CellSnapshots snapshots;

    /** The counters kept by the database's triggers (V3__data_versions.sql), and the database's epoch (V6). */
    public record Versions(long institutions, long population, long areas, long epoch) {
        /** What the cells depend on, for naming files derived from them. */
        String cellsKey() {
            return epoch + "-" + population + "-" + areas;
        }
    }

    /** Areas by index; parent[a] is -1 at the top. Residents are the published figure or null. */
    public record Areas(long[] id, String[] code, String[] name, AreaLevel[] level, int[] parent, Integer[] residents) {
        public int size() {
            return id.length;
        }

        public int indexOf(String areaCode) {
            for (int a = 0; a < code.length; a++) {
                if (code[a].equals(areaCode)) {
                    return a;
                }
            }
            return -1;
        }

        /** Whether area a is {@code ancestor} or lies inside it. */
        public boolean within(int a, int ancestor) {
            for (int at = a; at >= 0; at = parent[at]) {
                if (at == ancestor) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Population cells by index, each with its deepest area (index, -1 if none) and its boundary. */
    public static final class Cells {
        public final Versions versions;
        public final Areas areas;
        public final String[] cellId;
        public final double[] latitude;
        public final double[] longitude;
        public final double[] residents;
        public final double[] childrenUnder3;
        public final boolean[] estimated;
        public final int[] area;
        public final Polygon[] boundary;
        private final Map<Object, PointLinks> links = new ConcurrentHashMap<>();
        private final CellSnapshots snapshots;
        private volatile CellNeighbours neighbours;
        private volatile Boolean anyEstimated;

        Cells(Versions versions, Areas areas, int count, CellSnapshots snapshots) {
            this.versions = versions;
            this.areas = areas;
            this.snapshots = snapshots;
            cellId = new String[count];
            latitude = new double[count];
            longitude = new double[count];
            residents = new double[count];
            childrenUnder3 = new double[count];
            estimated = new boolean[count];
            area = new int[count];
            boundary = new Polygon[count];
        }

        /** The same cells with other people in them: everything else, links and neighbours included, is shared. */
        private Cells(Cells base, double[] residents, double[] childrenUnder3) {
            this.versions = base.versions;
            this.areas = base.areas;
            this.snapshots = base.snapshots;
            this.cellId = base.cellId;
            this.latitude = base.latitude;
            this.longitude = base.longitude;
            this.residents = residents;
            this.childrenUnder3 = childrenUnder3;
            this.estimated = base.estimated;
            this.area = base.area;
            this.boundary = base.boundary;
            this.links.putAll(base.links);
            this.neighbours = base.neighbours();
        }

        /** A copy with people added where a scenario builds homes; a place no cell holds is an error. */
        Cells withPeople(List<Adjustments.AddedPeople> added) {
            double[] people = residents.clone();
            double[] children = childrenUnder3.clone();
            for (Adjustments.AddedPeople estate : added) {
                int cell = cellAt(estate.latitude(), estate.longitude());
                if (cell < 0) {
                    throw new InvalidInputException("scenario", "an estate at " + estate.longitude()
                            + ", " + estate.latitude() + " lies in no population cell");
                }
                people[cell] += estate.residents();
                children[cell] += estate.childrenUnder3();
            }
            return new Cells(this, people, children);
        }

        /** The cell whose boundary holds the place, or -1. */
        private int cellAt(double latitude, double longitude) {
            Point point = GeoJson.FACTORY.createPoint(new Coordinate(longitude, latitude));
            for (int c = 0; c < boundary.length; c++) {
                if (boundary[c].covers(point)) {
                    return c;
                }
            }
            return -1;
        }

        public int size() {
            return cellId.length;
        }

        /** The cells' centres joined to this network for this profile: read from the last snapshot, or computed once. */
        public PointLinks links(NetworkLoader.Loaded network, WalkingProfile profile, double maxSnapMetres) {
            return links.computeIfAbsent(List.of(network, profile, maxSnapMetres), key -> {
                PointLinks stored = snapshots.readLinks(this, network, profile, maxSnapMetres);
                if (stored != null) {
                    return stored;
                }
                long start = System.nanoTime();
                PointLinks linked = PointLinks.link(network.snapper(), profile, latitude, longitude, maxSnapMetres);
                LOG.infof("Joined %d population cells to the %s network in %d ms", size(), profile,
                        (System.nanoTime() - start) / 1_000_000);
                snapshots.writeLinks(this, network, profile, maxSnapMetres, linked);
                return linked;
            });
        }

        /** Which cells share a side: read from the last snapshot, or found once. */
        public CellNeighbours neighbours() {
            CellNeighbours found = neighbours;
            if (found == null) {
                synchronized (this) {
                    found = neighbours;
                    if (found == null) {
                        found = snapshots.readNeighbours(this);
                        if (found == null) {
                            found = CellNeighbours.of(boundary);
                            snapshots.writeNeighbours(this, found);
                        }
                        neighbours = found;
                    }
                }
            }
            return found;
        }

        /** Whether any cell is an estimate: looked up once, asked per area. */
        public boolean anyEstimated() {
            Boolean found = anyEstimated;
            if (found == null) {
                boolean any = false;
                for (boolean e : estimated) {
                    any |= e;
                }
                anyEstimated = found = any;
            }
            return found;
        }
    }

    /** An institution with its slot totals and the area it lies in (index, -1 if none). */
    public record Site(long id, String name, double latitude, double longitude, int area, InstitutionStatus status,
                       Ownership ownership, InstitutionKind kind, boolean inclusive, boolean openToPublic, Integer grade,
                       boolean demonstration, long slots, long enrolled, long under2Slots, boolean estimated) {
        /** A proposed institution of a scenario, operating, in the area {@code area}. */
        static Site proposed(long id, Adjustments.AddedSite added, int area) {
            return new Site(id, added.name(), added.latitude(), added.longitude(), area, InstitutionStatus.OPERATING,
                    added.ownership(), added.kind(), added.inclusive(), true, null, false, added.slots(), added.enrolled(),
                    added.under2Slots(), false);
        }

        Site resized(long[] totals) {
            return new Site(id, name, latitude, longitude, area, status, ownership, kind, inclusive, openToPublic, grade,
                    demonstration, totals[0], totals[1], totals[2], estimated);
        }

        boolean selected(Coverage.Counted selection) {
            return status == selection.status()
                    && (!selection.inclusiveOnly() || inclusive)
                    && (!selection.publicOnly() || isPublic())
                    && (selection.includeStaffOnly() || openToPublic);
        }

        public boolean isPublic() {
            return ownership == Ownership.PUBLIC || ownership == Ownership.PUBLIC_BUILT_PRIVATELY_RUN;
        }

        double capacity(CapacityMode mode) {
            return mode == CapacityMode.FREE_PLACES ? slots - enrolled : slots;
        }
    }

    private volatile Cells cells;

    public Versions versions() {
        Map<String, Long> found = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("SELECT subject, version FROM data_version").getResultList()) {
            Object[] columns = (Object[]) row;
            found.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return new Versions(found.get("institutions"), found.get("population"), found.get("areas"), found.get("epoch"));
    }

    /** The cells as of these versions: reused while neither the population nor the areas changed. */
    public Cells cells(Versions versions) {
        Cells current = cells;
        if (current != null && current.versions.cellsKey().equals(versions.cellsKey())) {
            return current;
        }
        synchronized (this) {
            if (cells != null && cells.versions.cellsKey().equals(versions.cellsKey())) {
                return cells;
            }
            Areas areas = areas();
            Cells loaded = snapshots.readCells(versions, areas);
            if (loaded == null) {
                loaded = loadCells(versions, areas);
                snapshots.writeCells(loaded);
            }
            cells = loaded;
            return cells;
        }
    }

    public Areas areas() {
        List<Object[]> rows = rows("SELECT id, code, name, level, parent_id, residents FROM area ORDER BY id");
        int count = rows.size();
        Areas areas = new Areas(new long[count], new String[count], new String[count], new AreaLevel[count], new int[count],
                new Integer[count]);
        Map<Long, Integer> index = new HashMap<>();
        for (int a = 0; a < count; a++) {
            index.put(((Number) rows.get(a)[0]).longValue(), a);
        }
        for (int a = 0; a < count; a++) {
            Object[] row = rows.get(a);
            areas.id()[a] = ((Number) row[0]).longValue();
            areas.code()[a] = (String) row[1];
            areas.name()[a] = (String) row[2];
            areas.level()[a] = AreaLevel.valueOf((String) row[3]);
            areas.parent()[a] = row[4] == null ? -1 : index.get(((Number) row[4]).longValue());
            areas.residents()[a] = row[5] == null ? null : ((Number) row[5]).intValue();
        }
        return areas;
    }

    private Cells loadCells(Versions versions, Areas areas) {
        long start = System.nanoTime();
        // looking for the area of each cell is most of the query's time: not done when there are none
        List<Object[]> rows = rows("""
                SELECT c.cell_id, ST_Y(c.centre), ST_X(c.centre), c.residents, c.children_under3, c.estimated,
                       %s, ST_AsBinary(c.boundary)
                FROM (SELECT id, cell_id, ST_Centroid(boundary) AS centre, boundary, residents, children_under3, estimated
                      FROM population_cell) c
                ORDER BY c.id""".formatted(areas.size() == 0 ? "NULL" : "containing_area(c.centre)"));
        Map<Long, Integer> areaIndex = new HashMap<>();
        for (int a = 0; a < areas.size(); a++) {
            areaIndex.put(areas.id()[a], a);
        }
        Cells loaded = new Cells(versions, areas, rows.size(), snapshots);
        WKBReader reader = new WKBReader(GeoJson.FACTORY);
        try {
            for (int c = 0; c < rows.size(); c++) {
                Object[] row = rows.get(c);
                loaded.cellId[c] = (String) row[0];
                loaded.latitude[c] = ((Number) row[1]).doubleValue();
                loaded.longitude[c] = ((Number) row[2]).doubleValue();
                loaded.residents[c] = ((Number) row[3]).doubleValue();
                loaded.childrenUnder3[c] = ((Number) row[4]).doubleValue();
                loaded.estimated[c] = (Boolean) row[5];
                loaded.area[c] = row[6] == null ? -1 : areaIndex.get(((Number) row[6]).longValue());
                loaded.boundary[c] = (Polygon) reader.read((byte[]) row[7]);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("a population cell's boundary could not be read", e);
        }
        LOG.infof("Loaded %d population cells in %d ms", rows.size(), (System.nanoTime() - start) / 1_000_000);
        return loaded;
    }

    /** The deepest area holding the place (as the database assigns institutions), or -1. */
    public int areaAt(double latitude, double longitude, Areas areas) {
        Object id = entityManager.createNativeQuery("SELECT containing_area(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))")
                .setParameter("lon", longitude).setParameter("lat", latitude).getSingleResult();
        if (id == null) {
            return -1;
        }
        for (int a = 0; a < areas.size(); a++) {
            if (areas.id()[a] == ((Number) id).longValue()) {
                return a;
            }
        }
        return -1;
    }

    public List<Site> sites(Areas areas) {
        Map<Long, Integer> areaIndex = new HashMap<>();
        for (int a = 0; a < areas.size(); a++) {
            areaIndex.put(areas.id()[a], a);
        }
        return rows("""
                SELECT i.id, i.name, ST_Y(i.location), ST_X(i.location), i.area_id, i.status, i.ownership, i.kind,
                       i.inclusive, i.open_to_public, i.grade, i.demonstration, i.estimated,
                       COALESCE(SUM(g.slots), 0), COALESCE(SUM(g.enrolled), 0),
                       COALESCE(SUM(g.slots) FILTER (WHERE g.age_group IN ('INFANT', 'TODDLER')), 0)
                FROM institution i LEFT JOIN class_group g ON g.institution_id = i.id
                GROUP BY i.id ORDER BY i.id""").stream().map(row -> new Site(((Number) row[0]).longValue(), (String) row[1],
                ((Number) row[2]).doubleValue(), ((Number) row[3]).doubleValue(),
                row[4] == null ? -1 : areaIndex.getOrDefault(((Number) row[4]).longValue(), -1),
                InstitutionStatus.valueOf((String) row[5]), Ownership.valueOf((String) row[6]),
                InstitutionKind.valueOf((String) row[7]), (Boolean) row[8], (Boolean) row[9],
                row[10] == null ? null : ((Number) row[10]).intValue(), !"NONE".equals(row[11]),
                ((Number) row[13]).longValue(), ((Number) row[14]).longValue(), ((Number) row[15]).longValue(),
                (Boolean) row[12])).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }
}
