package org.carecircle.planning;

import org.eclipse.microprofile.graphql.Description;

/** Where candidate sites come from. */
@Description("POINTS: the planner's own; POPULATION_CELLS: the centre of every cell with uncovered children; "
        + "OSM: community centres, schools, libraries, town halls and public buildings mapped in the extract")
public enum CandidateSource {
    POINTS, POPULATION_CELLS, OSM
}
