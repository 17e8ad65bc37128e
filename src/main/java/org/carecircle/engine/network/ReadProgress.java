package org.carecircle.engine.network;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tells how far a reader that cannot report it (GraphHopper's OSM import) has got through a file:
 * every few seconds, the position of this process's open handle on the file (Linux /proc), as a
 * share of its size, with the rate. A pass that starts over at the beginning counts as the next.
 */
final class ReadProgress implements AutoCloseable {
    private static final long EVERY_MILLIS = 3000;

    private final Thread sampler;

    ReadProgress(Path file, String what, Consumer<String> progress) {
        Path target = file.toAbsolutePath().normalize();
        sampler = new Thread(() -> sample(target, what, progress), "read-progress");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void sample(Path file, String what, Consumer<String> progress) {
        try {
            double size = Files.size(file);
            int pass = 1;
            long last = 0;
            long lastTime = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(EVERY_MILLIS);
                long position = position(file);
                if (position < 0) {
                    continue;
                }
                long now = System.nanoTime();
                if (position < last) {
                    pass++;
                    last = 0;
                }
                double rate = (position - last) / ((now - lastTime) / 1e9) / 1e6;
                progress.accept(String.format(Locale.ROOT, "%s, pass %d: %.0f %% of %.0f MB read, %.0f MB/s", what, pass,
                        100 * position / size, size / 1e6, rate));
                last = position;
                lastTime = now;
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        } catch (IOException unreadable) {
            // no size or no /proc: the import goes on without a percentage
        }
    }

    /** Where this process's open handle on the file stands, or -1 if none is open or /proc is not there. */
    static long position(Path file) throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        if (!Files.isDirectory(descriptors)) {
            return -1;
        }
        try (DirectoryStream<Path> handles = Files.newDirectoryStream(descriptors)) {
            for (Path handle : handles) {
                try {
                    if (Files.readSymbolicLink(handle).equals(file)) {
                        for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo", handle.getFileName().toString()))) {
                            if (line.startsWith("pos:")) {
                                return Long.parseLong(line.substring(4).trim());
                            }
                        }
                    }
                } catch (IOException closedMeanwhile) {
                    // the handle went away between listing and reading
                }
            }
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
