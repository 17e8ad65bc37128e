package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.IntArrayList;
import org.carecircle.engine.geometry.Projection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gap areas: cells with children left uncovered, merged with the neighbours they share a side with
 * into contiguous areas, ranked by the children affected. A gap a planner can act on is no wider
 * than one walk: neighbours in different areas (subdistricts) stay apart, and a gap wider than
 * {@code maxAcrossMetres} either way is cut along a square grid of that size (laid from the
 * south-west of all cells), each square's part a gap of its own. Smaller gaps stay whole even when
 * they straddle a grid line.
 */
public final class GapAreas {
    /**
     * One gap area: its cells, the children (or children wanting a place) left uncovered, the
     * children under 3 living there, their mean and longest walk to the nearest institution in cost
     * units (+∞ if some cannot reach one at all), and the area index holding most of the gap.
     */
    public record Gap(int[] cells, double uncovered, double childrenUnder3, double meanCost, double longestCost, int area) {
    }

    /** Where the cells are (their centres, degrees) and how wide a gap may be before it is cut. */
    public record Extent(double[] latitude, double[] longitude, double maxAcrossMetres) {
    }

    private GapAreas() {
    }

    /** Every gap area, largest first (ties: the one whose first cell comes first). */
    public static List<Gap> find(CellNeighbours neighbours, double[] uncovered, double[] childrenUnder3,
                                 float[] nearestCost, int[] area, Extent extent) {
        int cellCount = uncovered.length;
        if (childrenUnder3.length != cellCount || nearestCost.length != cellCount || area.length != cellCount
                || extent.latitude().length != cellCount || extent.longitude().length != cellCount
                || !(extent.maxAcrossMetres() > 0)) {
            throw new IllegalArgumentException("gap areas: one value per cell in every array, and a positive width");
        }
        double[] x = new double[cellCount], y = new double[cellCount];
        project(extent, x, y);
        long[] square = new long[cellCount];
        boolean[] seen = new boolean[cellCount];
        List<Gap> gaps = new ArrayList<>();
        IntArrayList component = new IntArrayList();
        for (int start = 0; start < cellCount; start++) {
            if (seen[start] || !(uncovered[start] > 0)) {
                continue;
            }
            connect(start, neighbours, uncovered, area, null, seen, component);
            if (across(component, x, y) <= extent.maxAcrossMetres()) {
                gaps.add(summarise(component.toArray(), uncovered, childrenUnder3, nearestCost, area));
                continue;
            }
            // too wide: the same search again within each square of the grid
            for (int i = 0; i < component.size(); i++) {
                int cell = component.get(i);
                seen[cell] = false;
                square[cell] = (long) (x[cell] / extent.maxAcrossMetres()) << 32 | (long) (y[cell] / extent.maxAcrossMetres());
            }
            IntArrayList part = new IntArrayList();
            for (int i = 0; i < component.size(); i++) {
                int cell = component.get(i);
                if (!seen[cell]) {
                    connect(cell, neighbours, uncovered, area, square, seen, part);
                    gaps.add(summarise(part.toArray(), uncovered, childrenUnder3, nearestCost, area));
                }
            }
        }
        gaps.sort(Comparator.comparingDouble(Gap::uncovered).reversed());
        return gaps;
    }

    /** The uncovered cells reachable from {@code start} across shared sides, within one area (and one square, if given). */
    private static void connect(int start, CellNeighbours neighbours, double[] uncovered, int[] area, long[] square,
                                boolean[] seen, IntArrayList found) {
        found.clear();
        found.add(start);
        seen[start] = true;
        for (int head = 0; head < found.size(); head++) {
            int cell = found.get(head);
            for (int k = 0; k < neighbours.count(cell); k++) {
                int next = neighbours.neighbour(cell, k);
                if (!seen[next] && uncovered[next] > 0 && area[next] == area[cell]
                        && (square == null || square[next] == square[cell])) {
                    seen[next] = true;
                    found.add(next);
                }
            }
        }
    }

    /** The wider side of the cells' box, in metres between centres. */
    private static double across(IntArrayList cells, double[] x, double[] y) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cells.size(); i++) {
            int cell = cells.get(i);
            minX = Math.min(minX, x[cell]);
            maxX = Math.max(maxX, x[cell]);
            minY = Math.min(minY, y[cell]);
            maxY = Math.max(maxY, y[cell]);
        }
        return Math.max(maxX - minX, maxY - minY);
    }

    /** Metres east and north of the cells' south-west corner, in one local projection. */
    private static void project(Extent extent, double[] x, double[] y) {
        if (x.length == 0) {
            return;
        }
        double south = Arrays.stream(extent.latitude()).min().orElseThrow();
        double west = Arrays.stream(extent.longitude()).min().orElseThrow();
        double north = Arrays.stream(extent.latitude()).max().orElseThrow();
        Projection projection = new Projection((south + north) / 2, west);
        double originY = projection.y(south);
        for (int cell = 0; cell < x.length; cell++) {
            x[cell] = projection.x(extent.longitude()[cell]);
            y[cell] = projection.y(extent.latitude()[cell]) - originY;
        }
    }

    private static Gap summarise(int[] cells, double[] uncovered, double[] childrenUnder3, float[] nearestCost, int[] area) {
        Arrays.sort(cells);
        double total = 0, children = 0, weightedCost = 0, weight = 0, longest = 0;
        Map<Integer, Double> byArea = new HashMap<>();
        for (int cell : cells) {
            total += uncovered[cell];
            children += childrenUnder3[cell];
            longest = Math.max(longest, nearestCost[cell]);
            if (Float.isFinite(nearestCost[cell])) {
                weightedCost += uncovered[cell] * nearestCost[cell];
                weight += uncovered[cell];
            }
            byArea.merge(area[cell], uncovered[cell], Double::sum);
        }
        int mainArea = byArea.entrySet().stream().max(Map.Entry.<Integer, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
        return new Gap(cells, total, children, weight > 0 ? weightedCost / weight : Double.POSITIVE_INFINITY, longest, mainArea);
    }

    /** The gap's outline: its cells dissolved along the sides they share (a general union if they do not match). */
    public static Geometry outline(Gap gap, Polygon[] cells, GeometryFactory factory) {
        Polygon[] parts = new Polygon[gap.cells().length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = cells[gap.cells()[i]];
        }
        Geometry dissolved = CellOutlines.dissolve(parts, factory);
        return dissolved != null ? dissolved : UnaryUnionOp.union(factory.createGeometryCollection(parts));
    }
}
