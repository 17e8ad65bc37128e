package org.carecircle.engine.network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The walking network's arrays as one file beside the cached graph: reading them back takes a
 * fraction of a second where building them from GraphHopper's storage took five on a 3-million-
 * junction city (every edge's geometry fetched and priced), so a restart is ready sooner. Written
 * once after an import; kept in the import's folder, so a changed extract never meets an old file.
 */
final class NetworkSnapshot {
    /** Raised whenever the arrays or their meaning change: an older file is then rebuilt. */
    private static final int FORMAT = 1;
    private static final int CHUNK = 1 << 23;

    private NetworkSnapshot() {
    }

    static void write(WalkingNetwork network, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(FORMAT).putInt(network.nodeCount).putInt(network.edgeCount).putInt(network.geometryLatitude.length).flip();
            writeFully(out, header);
            Chunks chunks = new Chunks(out);
            chunks.write(network.nodeLatitude);
            chunks.write(network.nodeLongitude);
            chunks.write(network.edgeBase);
            chunks.write(network.edgeAdjacent);
            chunks.write(network.edgeLength);
            chunks.write(network.costForward);
            chunks.write(network.costBackward);
            chunks.write(network.edgeFlags);
            chunks.write(network.geometryStart);
            chunks.write(network.geometryLatitude);
            chunks.write(network.geometryLongitude);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The network written by {@link #write}, with these barriers; an unknown format or a short file is an error. */
    static WalkingNetwork read(Path file, Barriers barriers) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, header);
            header.flip();
            int format = header.getInt(), nodes = header.getInt(), edges = header.getInt(), points = header.getInt();
            if (format != FORMAT || nodes < 0 || edges < 0 || points < 0) {
                throw new IOException(file + " is not a walking network of format " + FORMAT);
            }
            Chunks chunks = new Chunks(in);
            double[] latitude = chunks.read(new double[nodes]);
            double[] longitude = chunks.read(new double[nodes]);
            int[] base = chunks.read(new int[edges]);
            int[] adjacent = chunks.read(new int[edges]);
            float[] length = chunks.read(new float[edges]);
            float[] forward = chunks.read(new float[edges]);
            float[] backward = chunks.read(new float[edges]);
            byte[] flags = chunks.read(new byte[edges]);
            int[] geometryStart = chunks.read(new int[edges + 1]);
            double[] geometryLatitude = chunks.read(new double[points]);
            double[] geometryLongitude = chunks.read(new double[points]);
            return new WalkingNetwork(latitude, longitude, base, adjacent, length, forward, backward, flags, geometryStart,
                    geometryLatitude, geometryLongitude, barriers);
        }
    }

    /** Arrays through one buffer, a few megabytes at a time. */
    private static final class Chunks {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

        /** Moves elements from .. from + count of an array between the array and the buffer. */
        private interface Span {
            void move(ByteBuffer buffer, int from, int count);
        }

        Chunks(FileChannel channel) {
            this.channel = channel;
        }

        void write(double[] values) throws IOException {
            out(values.length, 8, (b, from, count) -> b.asDoubleBuffer().put(values, from, count));
        }

        void write(int[] values) throws IOException {
            out(values.length, 4, (b, from, count) -> b.asIntBuffer().put(values, from, count));
        }

        void write(float[] values) throws IOException {
            out(values.length, 4, (b, from, count) -> b.asFloatBuffer().put(values, from, count));
        }

        void write(byte[] values) throws IOException {
            out(values.length, 1, (b, from, count) -> b.put(values, from, count));
        }

        double[] read(double[] values) throws IOException {
            in(values.length, 8, (b, from, count) -> b.asDoubleBuffer().get(values, from, count));
            return values;
        }

        int[] read(int[] values) throws IOException {
            in(values.length, 4, (b, from, count) -> b.asIntBuffer().get(values, from, count));
            return values;
        }

        float[] read(float[] values) throws IOException {
            in(values.length, 4, (b, from, count) -> b.asFloatBuffer().get(values, from, count));
            return values;
        }

        byte[] read(byte[] values) throws IOException {
            in(values.length, 1, (b, from, count) -> b.get(values, from, count));
            return values;
        }

        private void out(int length, int size, Span span) throws IOException {
            for (int from = 0; from < length; from += CHUNK / size) {
                int count = Math.min(CHUNK / size, length - from);
                buffer.clear().limit(count * size);
                span.move(buffer, from, count);
                writeFully(channel, buffer.position(0));
            }
        }

        private void in(int length, int size, Span span) throws IOException {
            for (int from = 0; from < length; from += CHUNK / size) {
                int count = Math.min(CHUNK / size, length - from);
                buffer.clear().limit(count * size);
                readFully(channel, buffer);
                span.move(buffer.flip(), from, count);
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the walking network's file ends early");
            }
        }
    }
}
