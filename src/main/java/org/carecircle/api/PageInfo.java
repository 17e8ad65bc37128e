package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

@Type("PageInfo")
@Description("Where a page starts and ends, and whether more lies either side (Relay cursor connections): pass "
        + "endCursor as after with first for the next page, startCursor as before with last for the previous one.")
public record PageInfo(@Description("Cursor of the page's first edge; null on an empty page") String startCursor,
                       @Description("Cursor of the page's last edge; null on an empty page") String endCursor,
                       @Description("True when edges come before this page in the list's order") boolean hasPreviousPage,
                       @Description("True when edges come after this page in the list's order") boolean hasNextPage) {
}
