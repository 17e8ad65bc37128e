package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * An object {@code node(id:)} reads again (Relay's object identification). An institution's id is its number,
 * as every reference to an institution has always given it; the other types' ids start with their type's
 * name, so no two objects share an id.
 */
@Interface("Node")
@Description("An object that node(id:) reads again by its id")
public interface Node {
    String AREA = "Area:";
    String SCENARIO = "Scenario:";
    String POPULATION_CELL = "PopulationCell:";

    /** Each implementation repeats these annotations on its getId: SmallRye does not inherit them. */
    String ID = "Unique among all objects of every type: an institution's number, or the type's name, a colon and the "
            + "object's key (Area:12, Scenario:new-estates, PopulationCell:r120c45)";

    @Id
    @NonNull
    @Description(ID)
    String getId();
}
