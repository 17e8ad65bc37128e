package org.carecircle.population;

import org.eclipse.microprofile.graphql.Type;

@Type("UpsertResult")
public record UpsertResult(int inserted, int updated) {
}
