package org.carecircle;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** What the benchmarks share: the machine they ran on, and wall-clock times after a warm-up. */
public final class Timing {
    private Timing() {
    }

    public static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, %s %s, max heap %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Milliseconds of {@code measured} calls after {@code warmUp} untimed ones, sorted. */
    public static double[] millis(int warmUp, int measured, Callable<?> call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.call();
        }
        return timed(measured, call);
    }

    /**
     * Like {@link #millis(int, int, Callable)}, but the warm-up is timed too, in blocks of
     * {@code block} calls whose p50 is printed: the log shows whether the warm-up reached a plateau.
     */
    public static double[] millis(String label, int warmUp, int block, int measured, Callable<?> call) throws Exception {
        StringBuilder warming = new StringBuilder(label).append(": warm-up p50 per ").append(block).append(" calls, ms:");
        for (int done = 0; done < warmUp; done += block) {
            warming.append(String.format(Locale.ROOT, " %.2f", timed(block, call)[block / 2]));
        }
        System.out.println(warming);
        return timed(measured, call);
    }

    private static double[] timed(int calls, Callable<?> call) throws Exception {
        double[] millis = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
