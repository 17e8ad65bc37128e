package org.carecircle.population;

import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("PopulationCellsPayload")
@Description("How many cells were inserted and replaced, or why none were")
public record PopulationCellsPayload(@Description("Null when the input was refused") UpsertResult result,
                                     @NonNull @Description("Why the input was refused, cell by cell; empty when written")
                                     List<@NonNull UserError> userErrors) {
}
