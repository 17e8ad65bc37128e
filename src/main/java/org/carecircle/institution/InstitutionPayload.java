package org.carecircle.institution;

import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("InstitutionPayload")
@Description("The institution as saved, or why it was not")
public record InstitutionPayload(@Description("Null when the input was refused") InstitutionView institution,
                                 @NonNull @Description("Why the input was refused, field by field; empty when saved")
                                 List<@NonNull UserError> userErrors) {
}
