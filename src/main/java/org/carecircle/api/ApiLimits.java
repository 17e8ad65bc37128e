package org.carecircle.api;

import io.smallrye.config.ConfigMapping;

/** Caps that keep one call from loading the whole database; all settable in application.properties. */
@ConfigMapping(prefix = "carecircle.api")
public interface ApiLimits {
    double maxBoundingBoxDegrees();

    int maxPageSize();

    int maxCellsPerUpsert();

    /** Candidate sites one suggestion weighs; more population cells are made fewer by squares. */
    int maxSuggestionCandidates();

    /** Fields one GraphQL request may name, each alias counting (read by {@link GraphQLErrors}). */
    int maxQueryFields();
}
