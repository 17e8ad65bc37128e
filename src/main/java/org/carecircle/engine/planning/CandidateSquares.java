package org.carecircle.engine.planning;

import com.carrotsearch.hppc.LongObjectHashMap;
import org.carecircle.engine.geometry.Projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fewer candidate sites where there are too many (a whole city's uncovered cells): the places are
 * grouped in squares, and each square with demand gives one candidate, its place nearest the
 * square's demand-weighted centre (a site there reaches most of the square's demand within a
 * walk). The squares are the smallest of 100 m, 150 m, 225 m, … (× 1.5) that leave at most the
 * number asked for.
 */
public final class CandidateSquares {
    /** The places kept, in their order, and the side of the squares in metres (0 when all are kept). */
    public record Reduction(int[] kept, double squareMetres) {
    }

    private static final double FIRST_SIDE = 100;

    private CandidateSquares() {
    }

    /**
     * @param places indexes of the eligible places (into latitude, longitude, demand)
     * @param most   how many candidates at most
     */
    public static Reduction reduce(double[] latitude, double[] longitude, double[] demand, int[] places, int most) {
        if (most < 1) {
            throw new IllegalArgumentException("candidate squares: keep at least one (got " + most + ")");
        }
        if (places.length <= most) {
            return new Reduction(places.clone(), 0);
        }
        double south = Double.POSITIVE_INFINITY, north = Double.NEGATIVE_INFINITY, west = Double.POSITIVE_INFINITY;
        for (int place : places) {
            south = Math.min(south, latitude[place]);
            north = Math.max(north, latitude[place]);
            west = Math.min(west, longitude[place]);
        }
        Projection projection = new Projection((south + north) / 2, west);
        double[] x = new double[places.length], y = new double[places.length];
        for (int i = 0; i < places.length; i++) {
            x[i] = projection.x(longitude[places[i]]);
            y[i] = projection.y(latitude[places[i]]) - projection.y(south);
        }
        for (double side = FIRST_SIDE; ; side *= 1.5) {
            List<List<Integer>> squares = squares(x, y, side, most);
            if (squares != null) {
                int[] kept = new int[squares.size()];
                for (int s = 0; s < kept.length; s++) {
                    kept[s] = places[nearestToCentre(squares.get(s), x, y, demand, places)];
                }
                Arrays.sort(kept);
                return new Reduction(kept, side);
            }
        }
    }

    /** The members of each square, or null as soon as there are more than {@code most} squares. */
    private static List<List<Integer>> squares(double[] x, double[] y, double side, int most) {
        LongObjectHashMap<List<Integer>> bySquare = new LongObjectHashMap<>();
        List<List<Integer>> squares = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            long key = (long) (x[i] / side) << 32 | (long) (y[i] / side);
            List<Integer> members = bySquare.get(key);
            if (members == null) {
                if (squares.size() == most) {
                    return null;
                }
                members = new ArrayList<>();
                bySquare.put(key, members);
                squares.add(members);
            }
            members.add(i);
        }
        return squares;
    }

    /** The member nearest the members' demand-weighted centre (the first among equals). */
    private static int nearestToCentre(List<Integer> members, double[] x, double[] y, double[] demand, int[] places) {
        double weight = 0, sumX = 0, sumY = 0;
        for (int i : members) {
            double w = Math.max(demand[places[i]], 0);
            weight += w;
            sumX += w * x[i];
            sumY += w * y[i];
        }
        double centreX = weight > 0 ? sumX / weight : x[members.get(0)];
        double centreY = weight > 0 ? sumY / weight : y[members.get(0)];
        int best = members.get(0);
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i : members) {
            double distance = (x[i] - centreX) * (x[i] - centreX) + (y[i] - centreY) * (y[i] - centreY);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
