package org.carecircle.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** One page of a list: its nodes with their cursors, where it stands, and the list's full length. */
public record Page<T>(List<T> nodes, List<String> cursors, PageInfo pageInfo, int totalCount) {

    static <T> Page<T> of(List<T> nodes, List<String> keys, boolean hasPreviousPage, boolean hasNextPage, int totalCount) {
        List<String> cursors = keys.stream().map(Cursor::encode).toList();
        return new Page<>(nodes, cursors, new PageInfo(cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1), hasPreviousPage, hasNextPage), totalCount);
    }

    /** The same page with each node replaced (ids read from a table, then their rows loaded in one go). */
    public <U> Page<U> map(Function<List<T>, List<U>> load) {
        return new Page<>(load.apply(nodes), cursors, pageInfo, totalCount);
    }

    /** The page's edges, each a cursor and its node, as the connection's edge type holds them. */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(edge.apply(cursors.get(i), nodes.get(i)));
        }
        return edges;
    }
}
