package org.carecircle.planning;

import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ScenarioPayload")
@Description("The scenario as saved, or why it was not")
public record ScenarioPayload(@Description("Null when the input was refused") ScenarioComparison.Summary scenario,
                              @NonNull @Description("Why the input was refused, field by field; empty when saved")
                              List<@NonNull UserError> userErrors) {
}
