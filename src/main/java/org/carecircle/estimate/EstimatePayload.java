package org.carecircle.estimate;

import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("EstimatePayload")
@Description("What the estimate wrote, or why it wrote nothing")
public record EstimatePayload(@Description("Null when the request was refused") EstimateReport report,
                              @NonNull @Description("Why the request was refused; empty when the estimate ran")
                              List<@NonNull UserError> userErrors) {
}
