package org.carecircle.api;

import org.eclipse.microprofile.graphql.Type;

/** Where a page ends and whether another follows; pass endCursor as {@code after} for the next one. */
@Type("PageInfo")
public record PageInfo(String endCursor, boolean hasNextPage) {
}
