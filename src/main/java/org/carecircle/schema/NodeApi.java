package org.carecircle.schema;

import jakarta.inject.Inject;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Node;
import org.carecircle.area.AreaService;
import org.carecircle.institution.InstitutionService;
import org.carecircle.planning.ScenarioComparison;
import org.carecircle.planning.ScenarioService;
import org.carecircle.population.PopulationService;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Reads any object with an id by that id alone, as Relay clients refetch what they show. */
@GraphQLApi
public class NodeApi {
    @Inject
    InstitutionService institutions;
    @Inject
    AreaService areas;
    @Inject
    ScenarioService scenarios;
    @Inject
    PopulationService population;

    @Query
    @Description("The institution, area, scenario or population cell with this id, or null when none has it")
    public Node node(@NonNull @Id @Description("An id as a Node's id field gave it") String id) {
        if (id.startsWith(Node.AREA)) {
            return areas.find(number(id.substring(Node.AREA.length()), id));
        }
        if (id.startsWith(Node.SCENARIO)) {
            ScenarioService.Stored stored = scenarios.stored(id.substring(Node.SCENARIO.length()));
            return stored == null ? null : ScenarioComparison.Summary.of(stored);
        }
        if (id.startsWith(Node.POPULATION_CELL)) {
            return population.find(id.substring(Node.POPULATION_CELL.length()));
        }
        return institutions.find(number(id, id));
    }

    private static long number(String key, String id) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("id", "\"" + id + "\" is not an id this API gave");
        }
    }
}
