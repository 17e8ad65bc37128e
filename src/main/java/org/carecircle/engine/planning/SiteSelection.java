package org.carecircle.engine.planning;

import com.carrotsearch.hppc.DoubleArrayList;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntIntHashMap;
import org.carecircle.engine.coverage.SiteReach;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Capacitated maximal covering by greedy choice with lazy evaluation. What new sites can cover is
 * the demand the existing institutions leave uncovered. The demand the chosen sites cover is their
 * best assignment — a maximum flow from their slots to the uncovered demand within the limit — kept
 * up to date by augmenting paths as each site is added, so a new site may take over a cell from a
 * chosen one that can serve another instead.
 *
 * <p>Guarantee: covered demand as a function of the chosen set is monotone and submodular (the
 * rank of a transversal matroid with each site repeated as often as it has slots), so the greedy
 * choice of K sites covers at least 1 − (1 − 1/K)^K ≥ 1 − 1/e ≈ 63.2 % of the most any K
 * candidates could (Nemhauser, Wolsey and Fisher 1978), and as gains only shrink, lazy evaluation
 * picks exactly what full re-evaluation would.
 */
public final class SiteSelection {
    /** One choice: the candidate, the demand it newly covers, and the total newly covered so far. */
    public record Choice(int candidate, double gain, double cumulative) {
    }

    /** Whether a candidate stands too near one already chosen. */
    public interface TooClose {
        boolean test(int candidate, List<Choice> chosen);

        TooClose NEVER = (candidate, chosen) -> false;
    }

    private static final double EPSILON = 1e-9;

    /** A candidate's gain as last computed: the queue holds the highest first, the lowest index among equals. */
    private record Bid(double gain, int candidate) implements Comparable<Bid> {
        @Override
        public int compareTo(Bid other) {
            return gain != other.gain ? Double.compare(other.gain, gain) : Integer.compare(candidate, other.candidate);
        }
    }

    private final SiteReach reach;
    private final double[] slots;
    private final double[] uncovered;
    /** Flow from a chosen site to a cell, by the pair's index in {@link #reach}. */
    private final double[] pairFlow;
    private final List<Integer> chosenSites = new ArrayList<>();
    /** Each chosen site's cells: cell → pair index. */
    private final List<IntIntHashMap> pairOfCell = new ArrayList<>();
    /** What a trial changed, to be put back: the cell or pair, and its value before. */
    private final UndoLog uncoveredChanges = new UndoLog();
    private final UndoLog flowChanges = new UndoLog();

    private SiteSelection(SiteReach reach, double[] slots, double[] uncovered) {
        this.reach = reach;
        this.slots = slots;
        this.uncovered = uncovered;
        this.pairFlow = new double[reach.pairs()];
    }

    /**
     * Chooses up to {@code count} candidates (stopping early once {@code target} demand is newly
     * covered, or nothing more can be), never two that {@code tooClose} forbids.
     *
     * @param reach     each candidate's cells within the limit
     * @param uncovered demand per cell the existing institutions leave uncovered; what is left afterwards
     */
    public static List<Choice> choose(SiteReach reach, double[] slots, double[] uncovered, int count, double target,
                                      TooClose tooClose) {
        reach.requireShape(uncovered.length, slots.length, "site selection");
        if (count < 0 || Double.isNaN(target)) {
            throw new IllegalArgumentException("site selection: a count of at least 0 and a target (got " + count + ", "
                    + target + ")");
        }
        SiteSelection selection = new SiteSelection(reach, slots, uncovered);
        PriorityQueue<Bid> queue = new PriorityQueue<>(Math.max(1, slots.length));
        for (int candidate = 0; candidate < slots.length; candidate++) {
            queue.add(new Bid(selection.gain(candidate), candidate));
        }
        List<Choice> chosen = new ArrayList<>();
        double total = 0;
        while (chosen.size() < count && total < target - EPSILON && !queue.isEmpty()) {
            int candidate = queue.poll().candidate();
            if (tooClose.test(candidate, chosen)) {
                continue;
            }
            double fresh = selection.gain(candidate);
            if (!queue.isEmpty() && fresh < queue.peek().gain() - EPSILON) {
                // its gain fell since it was last looked at: back in line with the true figure
                queue.add(new Bid(fresh, candidate));
                continue;
            }
            if (fresh <= EPSILON) {
                break;
            }
            selection.add(candidate);
            total += fresh;
            chosen.add(new Choice(candidate, fresh, total));
        }
        return chosen;
    }

    /** What adding the candidate would newly cover, the state left as it was. */
    double gain(int candidate) {
        double gained = augment(candidate, true);
        uncoveredChanges.undo(uncovered);
        flowChanges.undo(pairFlow);
        return gained;
    }

    void add(int candidate) {
        augment(candidate, false);
        IntIntHashMap cells = new IntIntHashMap();
        for (int pair = reach.first(candidate); pair < reach.first(candidate + 1); pair++) {
            cells.put(reach.cell(pair), pair);
        }
        chosenSites.add(candidate);
        pairOfCell.add(cells);
    }

    /**
     * Pushes the candidate's slots to uncovered demand: straight to cells in its reach first (nearest
     * first), then along augmenting paths that move chosen sites' children to other cells they reach.
     */
    private double augment(int candidate, boolean trial) {
        double left = slots[candidate];
        for (int pair = reach.first(candidate); pair < reach.first(candidate + 1) && left > EPSILON; pair++) {
            int cell = reach.cell(pair);
            double given = Math.min(left, uncovered[cell]);
            if (given > EPSILON) {
                setUncovered(cell, uncovered[cell] - given, trial);
                setFlow(pair, pairFlow[pair] + given, trial);
                left -= given;
            }
        }
        while (left > EPSILON && !chosenSites.isEmpty()) {
            double pushed = augmentingPath(candidate, left, trial);
            if (pushed <= EPSILON) {
                break;
            }
            left -= pushed;
        }
        return slots[candidate] - left;
    }

    /**
     * One breadth-first augmenting path: candidate → a cell it reaches → a chosen site serving that
     * cell (its flow there can move) → another cell that site reaches → … → a cell with uncovered
     * demand. Returns what was pushed along it.
     */
    private double augmentingPath(int candidate, double left, boolean trial) {
        IntArrayList cells = new IntArrayList();
        // for each cell reached: the pair it was entered by (candidate's or a chosen site's), and the pair it left by
        IntIntHashMap enteredBy = new IntIntHashMap();
        IntIntHashMap leftFrom = new IntIntHashMap();
        boolean[] siteSeen = new boolean[chosenSites.size()];
        for (int pair = reach.first(candidate); pair < reach.first(candidate + 1); pair++) {
            if (!enteredBy.containsKey(reach.cell(pair))) {
                enteredBy.put(reach.cell(pair), pair);
                leftFrom.put(reach.cell(pair), -1);
                cells.add(reach.cell(pair));
            }
        }
        for (int head = 0; head < cells.size(); head++) {
            int cell = cells.get(head);
            if (uncovered[cell] > EPSILON && leftFrom.get(cell) >= 0) {
                return push(cell, enteredBy, leftFrom, left, trial);
            }
            for (int s = 0; s < chosenSites.size(); s++) {
                int served = pairOfCell.get(s).getOrDefault(cell, -1);
                if (siteSeen[s] || served < 0 || pairFlow[served] <= EPSILON) {
                    continue;
                }
                siteSeen[s] = true;
                int site = chosenSites.get(s);
                for (int pair = reach.first(site); pair < reach.first(site + 1); pair++) {
                    int next = reach.cell(pair);
                    if (!enteredBy.containsKey(next)) {
                        enteredBy.put(next, pair);
                        leftFrom.put(next, served);
                        cells.add(next);
                    }
                }
            }
        }
        return 0;
    }

    /** Pushes along the path ending at {@code end}: the most it, the moved flows and the slots allow. */
    private double push(int end, IntIntHashMap enteredBy, IntIntHashMap leftFrom, double left, boolean trial) {
        double amount = Math.min(left, uncovered[end]);
        for (int cell = end; leftFrom.get(cell) >= 0; ) {
            int moved = leftFrom.get(cell);
            amount = Math.min(amount, pairFlow[moved]);
            cell = reach.cell(moved);
        }
        setUncovered(end, uncovered[end] - amount, trial);
        for (int cell = end; ; ) {
            int in = enteredBy.get(cell);
            setFlow(in, pairFlow[in] + amount, trial);
            int moved = leftFrom.get(cell);
            if (moved < 0) {
                break;
            }
            setFlow(moved, pairFlow[moved] - amount, trial);
            cell = reach.cell(moved);
        }
        return amount;
    }

    private void setUncovered(int cell, double value, boolean trial) {
        if (trial) {
            uncoveredChanges.record(cell, uncovered[cell]);
        }
        uncovered[cell] = value;
    }

    private void setFlow(int pair, double value, boolean trial) {
        if (trial) {
            flowChanges.record(pair, pairFlow[pair]);
        }
        pairFlow[pair] = value;
    }

    /** Old values of one array, put back newest first. */
    private static final class UndoLog {
        private final IntArrayList index = new IntArrayList();
        private final DoubleArrayList value = new DoubleArrayList();

        void record(int at, double old) {
            index.add(at);
            value.add(old);
        }

        void undo(double[] array) {
            for (int i = index.size() - 1; i >= 0; i--) {
                array[index.get(i)] = value.get(i);
            }
            index.clear();
            value.clear();
        }
    }
}
