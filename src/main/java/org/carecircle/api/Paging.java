package org.carecircle.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the paging arguments every connection takes, with the same words and limits everywhere. */
@ApplicationScoped
public class Paging {
    public static final String FIRST = "Page size counted forward (from the start, or from after): 1 to "
            + "carecircle.api.max-page-size (500 unless configured); 50 when neither first nor last is given";
    public static final String AFTER = "Start after this cursor (an edge's cursor, or pageInfo.endCursor)";
    public static final String LAST = "Page size counted backward (from the end, or from before); give first or last, "
            + "not both";
    public static final String BEFORE = "End before this cursor (an edge's cursor, or pageInfo.startCursor)";
    private static final int DEFAULT_SIZE = 50;

    @Inject
    ApiLimits limits;

    public PageRequest request(Integer first, String after, Integer last, String before) {
        Violations violations = new Violations();
        PageRequest request = PageRequest.of(first, after, last, before, DEFAULT_SIZE, limits.maxPageSize(), violations);
        violations.throwIfAny();
        return request;
    }
}
