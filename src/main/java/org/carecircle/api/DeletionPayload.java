package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("DeletionPayload")
@Description("Whether a deletion removed something, or why it was refused")
public record DeletionPayload(@Description("True when the object existed and is gone; null when refused") Boolean deleted,
                              @NonNull @Description("Why nothing was deleted; empty otherwise") List<@NonNull UserError> userErrors) {
}
