package org.carecircle.engine.network;

import org.carecircle.engine.geometry.Projection;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.ArrayList;
import java.util.List;

/**
 * Service circles from one search: the land a walker reaches within each limit, as exact polygons.
 *
 * <p>The network search gives every reached node its cost of walking to the nearest origin; along
 * each reached edge the cost is known exactly ({@link WalkOffPieces}). From any point of a street
 * (and from the origins' own places) the walker may step off the network in a straight line, at
 * most {@code offNetworkMetres}, never across a barrier (river, railway, wall) and never from a
 * bridge or tunnel, so a point reaches min(off-network reach, limit − its cost). A cell of the
 * {@code cellMetres} lattice belongs to a band if its centre lies within such a reach
 * ({@link BandCells}); land the walker cannot reach stays a hole. Every band comes from the same
 * search and a wider limit only widens every reach, so bands nest exactly. Every circle of a network
 * uses the same projection and lattice, so circles compare cell for cell.
 */
public final class ServiceCircles {
    private static final int MAX_CELLS = 16_000_000;

    /** How fine the grid is and how far a walker may leave the network (to reach a door in a block). */
    public record Settings(double cellMetres, double offNetworkMetres) {
        public static final Settings DEFAULT = new Settings(10, 100);
    }

    /** One band: its limit (as given), the land within it, and that land's area. */
    public record Band(double limit, MultiPolygon area, double squareMetres, BandCells cells) {
        /** Whether the place lies within the band: exactly whether it lies in {@link #area()}. */
        public boolean contains(double latitude, double longitude) {
            return cells != null && cells.contains(latitude, longitude);
        }
    }

    private ServiceCircles() {
    }

    /**
     * Circles around all {@code origins} together, one per limit (flat-equivalent metres when
     * {@code cost} is TIME, network metres when DISTANCE), ascending.
     */
    public static List<Band> build(WalkingNetwork network, WalkingProfile profile, CostKind cost,
                                   List<NetworkPoint> origins, List<double[]> originPlaces, double[] limits,
                                   Settings settings, GeometryFactory factory) {
        double maxLimit = limits[limits.length - 1];
        double cell = Math.max(settings.cellMetres(), 1);
        MultiSourceSearch search = network.borrowSearch();
        WalkOffPieces pieces;
        try {
            // a quarter cell off the street's line changes no cell's answer but by rounding
            pieces = WalkOffPieces.of(network, profile, cost, origins, search.run(profile, cost, origins, maxLimit), maxLimit,
                    cell / 4);
        } finally {
            network.release(search);
        }
        // one projection and one lattice for the whole network: every circle's cells line up with every other's
        Projection projection = network.projection();
        for (double[] place : originPlaces) {
            double x = projection.x(place[1]), y = projection.y(place[0]);
            pieces.add(x, y, 0, x, y, 0);
        }
        if (pieces.size == 0) {
            List<Band> empty = new ArrayList<>();
            for (double limit : limits) {
                empty.add(new Band(limit, factory.createMultiPolygon(), 0, null));
            }
            return empty;
        }
        double margin = settings.offNetworkMetres() + 2 * cell;
        while ((pieces.maxX - pieces.minX + 2 * margin) / cell * ((pieces.maxY - pieces.minY + 2 * margin) / cell) > MAX_CELLS) {
            cell *= 2;
        }
        double minX = Math.floor((pieces.minX - margin) / cell) * cell;
        double minY = Math.floor((pieces.minY - margin) / cell) * cell;
        int width = (int) Math.ceil((pieces.maxX + margin - minX) / cell);
        int height = (int) Math.ceil((pieces.maxY + margin - minY) / cell);
        BandCells.Window window = new BandCells.Window(projection, minX, minY, cell, width, height,
                network.barrierRaster(cell, settings.offNetworkMetres()));

        double finalCell = cell;
        GridPolygons.Lattice lattice = (x, y) -> new Coordinate(
                projection.longitude(minX + x * finalCell), projection.latitude(minY + y * finalCell));
        Band[] bands = new Band[limits.length];
        BandCells wider = null;
        for (int b = limits.length - 1; b >= 0; b--) {
            BandCells cells = new BandCells(window);
            cells.paint(pieces, limits[b], settings.offNetworkMetres());
            if (wider != null) {
                cells.retainAll(wider);
            }
            bands[b] = new Band(limits[b], cells.trace(lattice, factory),
                    cells.count() * cell * cell, cells);
            wider = cells;
        }
        return List.of(bands);
    }
}
