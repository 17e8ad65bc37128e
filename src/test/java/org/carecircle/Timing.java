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
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }
}
