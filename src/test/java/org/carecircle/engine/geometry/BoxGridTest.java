package org.carecircle.engine.geometry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxGridTest {
    /** Against checking every box: each box meeting the query is reported, and exactly once. */
    @Test
    void everyBoxMeetingTheQueryIsReportedOnce() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int count = random.nextInt(400);
            double[][] boxes = new double[count][];
            for (int i = 0; i < count; i++) {
                double x = 103.9 + random.nextDouble() * 0.2, y = 30.7 + random.nextDouble() * 0.2;
                // points, short streets and a few long ones across many squares
                double w = random.nextInt(3) == 0 ? 0 : random.nextDouble() * (random.nextInt(10) == 0 ? 0.1 : 0.004);
                double h = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.004;
                boxes[i] = new double[] {x, y, x + w, y + h};
            }
            BoxGrid grid = new BoxGrid(count, (i, out) -> System.arraycopy(boxes[i], 0, out, 0, 4), 0.005);
            for (int query = 0; query < 20; query++) {
                double x = 103.85 + random.nextDouble() * 0.3, y = 30.65 + random.nextDouble() * 0.3;
                double w = random.nextDouble() * 0.05, h = random.nextDouble() * 0.05;
                int[] times = new int[count];
                List<Integer> reported = new ArrayList<>();
                grid.query(x, y, x + w, y + h, i -> {
                    times[i]++;
                    reported.add(i);
                });
                for (int i = 0; i < count; i++) {
                    boolean meets = boxes[i][0] <= x + w && boxes[i][2] >= x && boxes[i][1] <= y + h && boxes[i][3] >= y;
                    assertTrue(times[i] <= 1, "box " + i + " reported " + times[i] + " times");
                    if (meets) {
                        assertEquals(1, times[i], "box " + i + " meets the query but was not reported");
                    }
                }
            }
        }
    }

    @Test
    void anEmptyGridReportsNothing() {
        BoxGrid grid = new BoxGrid(0, (i, out) -> { }, 0.01);
        grid.query(-180, -90, 180, 90, i -> {
            throw new AssertionError("reported " + i);
        });
    }
}
