package org.carecircle.institution;

import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("InstitutionConnection")
public record InstitutionConnection(
        @NonNull List<@NonNull InstitutionView> nodes,
        @NonNull PageInfo pageInfo,
        @Description("Institutions matching the filter, across all pages") int totalCount) {
}
