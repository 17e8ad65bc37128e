package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ImportPayload")
@Description("What an import read and wrote, or why it wrote nothing")
public record ImportPayload(@Description("Null when the import was refused") ImportReport report,
                            @NonNull @Description("Each bad value with its line and column; empty when the import ran")
                            List<@NonNull UserError> userErrors) {
}
