package org.carecircle.engine.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Lines nobody walks across off the network: rivers and water edges, railways, fences and walls,
 * motorways. The network crosses them only where it really does (bridges, crossings, gates), and
 * the service circles must not claim land on their far side ({@link BarrierRaster} burns them into
 * the circles' lattice).
 */
public final class Barriers {
    /** Segment i runs from (latitude1, longitude1) to (latitude2, longitude2), stored as four numbers. */
    private final double[] coordinates;

    /** {@code coordinates}: lat1, lon1, lat2, lon2 for each segment. */
    public Barriers(double[] coordinates) {
        this.coordinates = coordinates;
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
