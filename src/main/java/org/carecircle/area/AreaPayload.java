package org.carecircle.area;

import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AreaPayload")
@Description("The area as saved, or why it was not")
public record AreaPayload(@Description("Null when the input was refused") AreaView area,
                          @NonNull @Description("Why the input was refused, field by field; empty when saved")
                          List<@NonNull UserError> userErrors) {
}
