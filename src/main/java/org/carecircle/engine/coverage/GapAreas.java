package org.carecircle.engine.coverage;

import com.carrotsearch.hppc.IntArrayList;
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
 * into contiguous areas, ranked by the children affected.
 */
public final class GapAreas {
    /**
     * One gap area: its cells, the children (or children wanting a place) left uncovered, the
     * children under 3 living there, their mean and longest walk to the nearest institution in cost
     * units (+∞ if some cannot reach one at all), and the area index holding most of the gap.
     */
    public record Gap(int[] cells, double uncovered, double childrenUnder3, double meanCost, double longestCost, int area) {
    }

    private GapAreas() {
    }

    /** Every gap area, largest first (ties: the one whose first cell comes first). */
    public static List<Gap> find(CellNeighbours neighbours, double[] uncovered, double[] childrenUnder3,
                                 float[] nearestCost, int[] area) {
        int cellCount = uncovered.length;
        boolean[] seen = new boolean[cellCount];
        List<Gap> gaps = new ArrayList<>();
        IntArrayList queue = new IntArrayList();
        for (int start = 0; start < cellCount; start++) {
            if (seen[start] || !(uncovered[start] > 0)) {
                continue;
            }
            queue.clear();
            queue.add(start);
            seen[start] = true;
            for (int head = 0; head < queue.size(); head++) {
                int cell = queue.get(head);
                for (int k = 0; k < neighbours.count(cell); k++) {
                    int next = neighbours.neighbour(cell, k);
                    if (!seen[next] && uncovered[next] > 0) {
                        seen[next] = true;
                        queue.add(next);
                    }
                }
            }
            gaps.add(summarise(queue.toArray(), uncovered, childrenUnder3, nearestCost, area));
        }
        gaps.sort(Comparator.comparingDouble(Gap::uncovered).reversed());
        return gaps;
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
