package org.carecircle.api;

import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in its own order, as Relay cursor connections ask for it: {@code first} edges after a
 * cursor, or {@code last} edges before one (both cursors may bound the window). Keys come from the cursors;
 * lists held in memory are paged by {@link #page}, tables by {@link #keyset}.
 */
public record PageRequest(int size, boolean backward, String after, String before) {

    /** Checks the arguments, naming each: one of first and last, 1 to maxSize, cursors this API made. */
    public static PageRequest of(Integer first, String after, Integer last, String before, int defaultSize, int maxSize,
                                 Violations violations) {
        violations.check(first == null || last == null, "last", "give first or last, not both");
        String field = last != null ? "last" : "first";
        int size = last != null ? last : first != null ? first : defaultSize;
        violations.check(size >= 1 && size <= maxSize, field, "must be between 1 and " + maxSize + " (got " + size + ")");
        return new PageRequest(size, last != null, Cursor.decode(after, "after", violations),
                Cursor.decode(before, "before", violations));
    }

    /** A page of a list in the order of its keys, and its cursors; totalCount is the whole list's size. */
    public <T, K extends Comparable<? super K>> Page<T> page(List<T> items, Function<T, K> key, Function<String, K> parse) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(key)).toList();
        K from = parsed(after, "after", parse), to = parsed(before, "before", parse);
        int start = from == null ? 0 : firstAbove(sorted, key, from, true);
        int end = to == null ? sorted.size() : firstAbove(sorted, key, to, false);
        end = Math.max(start, end);
        if (end - start > size) {
            if (backward) {
                start = end - size;
            } else {
                end = start + size;
            }
        }
        List<T> nodes = sorted.subList(start, end);
        return Page.of(nodes, nodes.stream().map(node -> String.valueOf(key.apply(node))).toList(), start > 0,
                end < sorted.size(), sorted.size());
    }

    /**
     * A keyset page of a table: {@code rows} read by the query {@link #condition} and {@link #order} make,
     * {@link #limit} long; {@code beyond} tells whether rows lie on the far side of the cursor the page starts
     * from (after it when paging backward, up to it when paging forward).
     */
    public <T> Page<T> keyset(List<T> rows, boolean beyond, int totalCount, Function<T, ?> key) {
        List<T> page = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        boolean more = rows.size() > size;
        if (backward) {
            Collections.reverse(page);
        }
        return Page.of(page, page.stream().map(row -> String.valueOf(key.apply(row))).toList(), backward ? more : beyond,
                backward ? beyond : more, totalCount);
    }

    /** The SQL condition on {@code column} for this window, with parameters :after and :before when given. */
    public String condition(String column) {
        return (after == null ? "TRUE" : column + " > :after") + (before == null ? "" : " AND " + column + " < :before");
    }

    /** The SQL order for this page: descending when paging backward, so the limit takes the rows before. */
    public String order(String column) {
        return column + (backward ? " DESC" : "");
    }

    /** Rows to read: one more than the page, to know whether more follow. */
    public int limit() {
        return size + 1;
    }

    /** The cursor this page starts from, whose far side {@code beyond} is about (null when none). */
    public String startingCursor() {
        return backward ? before : after;
    }

    /** The SQL condition for rows on the far side of {@link #startingCursor}, the parameter named as it. */
    public String beyondCondition(String column) {
        return backward ? column + " >= :before" : column + " <= :after";
    }

    /** Sets the parameters {@link #condition} names, each cursor's key parsed as the column's type. */
    public <Q extends Query> Q bindWindow(Q query, Function<String, ?> parse) {
        if (after != null) {
            query.setParameter("after", parsed(after, "after", parse));
        }
        if (before != null) {
            query.setParameter("before", parsed(before, "before", parse));
        }
        return query;
    }

    /** Sets the parameter {@link #beyondCondition} names. */
    public <Q extends Query> Q bindBeyond(Q query, Function<String, ?> parse) {
        query.setParameter(backward ? "before" : "after", parsed(startingCursor(), backward ? "before" : "after", parse));
        return query;
    }

    private static <K> K parsed(String key, String field, Function<String, K> parse) {
        if (key == null) {
            return null;
        }
        try {
            return parse.apply(key);
        } catch (RuntimeException e) {
            throw new InvalidInputException(field, "is not a cursor of this list");
        }
    }

    /** The index of the first element whose key is above {@code key} (or at least it, when not strictly). */
    private static <T, K extends Comparable<? super K>> int firstAbove(List<T> sorted, Function<T, K> key, K bound,
                                                                     boolean strictly) {
        int low = 0, high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = key.apply(sorted.get(middle)).compareTo(bound);
            if (order < 0 || (strictly && order == 0)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
