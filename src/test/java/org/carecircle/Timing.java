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

    /**
     * Two contenders called in turn (which goes first alternates), so whatever else the machine does
     * slows both alike; returns each one's sorted milliseconds. The warm-up is timed too, in blocks
     * whose p50s are printed, to show whether both reached a plateau.
     */
    public static double[][] interleaved(String label, int warmUp, int block, int measured, Callable<?> first,
                                         Callable<?> second) throws Exception {
        StringBuilder warming = new StringBuilder(label).append(": warm-up p50s per ").append(block).append(" calls, ms:");
        for (int done = 0; done < warmUp; done += block) {
            double[][] millis = inTurn(block, first, second);
            warming.append(String.format(Locale.ROOT, " %.2f/%.2f", millis[0][block / 2], millis[1][block / 2]));
        }
        System.out.println(warming);
        return inTurn(measured, first, second);
    }

    private static double[][] inTurn(int calls, Callable<?> first, Callable<?> second) throws Exception {
        double[][] millis = new double[2][calls];
        for (int i = 0; i < calls; i++) {
            for (int turn = 0; turn < 2; turn++) {
                int which = (i + turn) % 2;
                long start = System.nanoTime();
                (which == 0 ? first : second).call();
                millis[which][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis[0]);
        Arrays.sort(millis[1]);
        return millis;
    }
}
