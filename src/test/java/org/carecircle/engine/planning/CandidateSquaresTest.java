package org.carecircle.engine.planning;

import org.carecircle.engine.geometry.Projection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A grid of places 45 m apart (none near a square's edge), reduced by squares that can be counted by hand. */
class CandidateSquaresTest {
    /** Places (i, j), i = 0..columns-1 east, j = 0..rows-1 north, 45 m apart; index j * columns + i. */
    private static double[][] grid(int columns, int rows) {
        Projection projection = new Projection(30, 104);
        double[] latitude = new double[columns * rows], longitude = new double[columns * rows];
        for (int j = 0; j < rows; j++) {
            for (int i = 0; i < columns; i++) {
                latitude[j * columns + i] = projection.latitude(45 * j);
                longitude[j * columns + i] = projection.longitude(45 * i);
            }
        }
        return new double[][] {latitude, longitude};
    }

    private static int[] all(int count) {
        int[] places = new int[count];
        for (int i = 0; i < count; i++) {
            places[i] = i;
        }
        return places;
    }

    @Test
    void fewEnoughPlacesAreAllKept() {
        double[][] grid = grid(4, 4);
        CandidateSquares.Reduction reduction = CandidateSquares.reduce(grid[0], grid[1], new double[16], all(16), 16);
        assertArrayEquals(all(16), reduction.kept());
        assertEquals(0, reduction.squareMetres());
    }

    /**
     * 8 × 8 places at 0, 45, …, 315 m each way. Squares of 100 m split each axis 3 + 2 + 2 + 1:
     * 16 squares, too many for 10; squares of 150 m split it 4 + 3 + 1: 9 squares. With equal
     * demand the middle square's centre is its middle place (5, 5) (at 225 m); with all the demand on
     * place (2, 6), that place is its square's candidate.
     */
    @Test
    void theSmallestSquaresThatLeaveFewEnough() {
        double[][] grid = grid(8, 8);
        double[] demand = new double[64];
        java.util.Arrays.fill(demand, 1);
        CandidateSquares.Reduction reduction = CandidateSquares.reduce(grid[0], grid[1], demand, all(64), 10);
        assertEquals(150, reduction.squareMetres(), 1e-9);
        assertEquals(9, reduction.kept().length);
        assertTrue(java.util.Arrays.stream(reduction.kept()).anyMatch(place -> place == 5 * 8 + 5));

        demand = new double[64];
        demand[6 * 8 + 2] = 10;
        reduction = CandidateSquares.reduce(grid[0], grid[1], demand, all(64), 10);
        assertTrue(java.util.Arrays.stream(reduction.kept()).anyMatch(place -> place == 6 * 8 + 2));
        assertEquals(9, reduction.kept().length);
    }
}
