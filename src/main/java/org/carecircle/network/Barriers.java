package org.carecircle.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * Lines nobody walks across off the network: rivers and water edges, railways, fences and walls,
 * motorways. The network crosses them only where it really does (bridges, crossings, gates), and
 * the service circles must not claim land on their far side. Segments are bucketed in a uniform
 * grid for box queries.
 */
public final class Barriers {
    public static final Barriers NONE = new Barriers(new double[0]);
    private static final double BUCKET_DEGREES = 0.005;

    /** Segment i runs from (latitude[2i], longitude[2i]) to (latitude[2i+1], longitude[2i+1]). */
    private final double[] coordinates;
    private final double minLatitude;
    private final double minLongitude;
    private final int columns;
    private final int rows;
    private final int[] bucketStart;
    private final int[] bucketSegments;

    /** {@code coordinates}: lat1, lon1, lat2, lon2 for each segment. */
    public Barriers(double[] coordinates) {
        this.coordinates = coordinates;
        int segments = segmentCount();
        double minLat = Double.POSITIVE_INFINITY, minLon = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY, maxLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < coordinates.length; i += 2) {
            minLat = Math.min(minLat, coordinates[i]);
            maxLat = Math.max(maxLat, coordinates[i]);
            minLon = Math.min(minLon, coordinates[i + 1]);
            maxLon = Math.max(maxLon, coordinates[i + 1]);
        }
        minLatitude = segments == 0 ? 0 : minLat;
        minLongitude = segments == 0 ? 0 : minLon;
        rows = segments == 0 ? 0 : (int) ((maxLat - minLat) / BUCKET_DEGREES) + 1;
        columns = segments == 0 ? 0 : (int) ((maxLon - minLon) / BUCKET_DEGREES) + 1;
        bucketStart = new int[rows * columns + 1];
        for (int s = 0; s < segments; s++) {
            forEachBucket(s, bucket -> bucketStart[bucket + 1]++);
        }
        for (int b = 0; b < rows * columns; b++) {
            bucketStart[b + 1] += bucketStart[b];
        }
        bucketSegments = new int[bucketStart[rows * columns]];
        int[] fill = Arrays.copyOf(bucketStart, bucketStart.length);
        for (int s = 0; s < segments; s++) {
            int segment = s;
            forEachBucket(s, bucket -> bucketSegments[fill[bucket]++] = segment);
        }
    }

    private void forEachBucket(int segment, IntConsumer action) {
        int r0 = row(Math.min(latitude1(segment), latitude2(segment)));
        int r1 = row(Math.max(latitude1(segment), latitude2(segment)));
        int c0 = column(Math.min(longitude1(segment), longitude2(segment)));
        int c1 = column(Math.max(longitude1(segment), longitude2(segment)));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                action.accept(r * columns + c);
            }
        }
    }

    public int segmentCount() {
        return coordinates.length / 4;
    }

    double latitude1(int segment) {
        return coordinates[4 * segment];
    }

    double longitude1(int segment) {
        return coordinates[4 * segment + 1];
    }

    double latitude2(int segment) {
        return coordinates[4 * segment + 2];
    }

    double longitude2(int segment) {
        return coordinates[4 * segment + 3];
    }

    private int row(double latitude) {
        return Math.max(0, Math.min(rows - 1, (int) ((latitude - minLatitude) / BUCKET_DEGREES)));
    }

    private int column(double longitude) {
        return Math.max(0, Math.min(columns - 1, (int) ((longitude - minLongitude) / BUCKET_DEGREES)));
    }

    /** Calls {@code visitor} once for each segment whose bucket meets the box. */
    void forEachNear(double minLat, double minLon, double maxLat, double maxLon, IntConsumer visitor) {
        if (segmentCount() == 0) {
            return;
        }
        BitSet seen = new BitSet(segmentCount());
        for (int r = row(minLat); r <= row(maxLat); r++) {
            for (int c = column(minLon); c <= column(maxLon); c++) {
                int bucket = r * columns + c;
                for (int i = bucketStart[bucket]; i < bucketStart[bucket + 1]; i++) {
                    int segment = bucketSegments[i];
                    if (!seen.get(segment)) {
                        seen.set(segment);
                        visitor.accept(segment);
                    }
                }
            }
        }
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(coordinates.length);
        for (double value : coordinates) {
            out.writeDouble(value);
        }
    }

    public static Barriers read(DataInputStream in) throws IOException {
        double[] coordinates = new double[in.readInt()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = in.readDouble();
        }
        return new Barriers(coordinates);
    }
}
