package org.carecircle.institution;

import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("InstitutionConnection")
@Description("A page of institutions in id order (Relay cursor connection)")
public record InstitutionConnection(@NonNull List<@NonNull InstitutionEdge> edges,
                                    @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                    List<@NonNull InstitutionView> nodes,
                                    @NonNull PageInfo pageInfo,
                                    @Description("Institutions matching the filter, across all pages") int totalCount) {

    static InstitutionConnection of(Page<InstitutionView> page) {
        return new InstitutionConnection(page.edges(InstitutionEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }

    @Type("InstitutionEdge")
    @Description("An institution and the cursor that pages from it")
    public record InstitutionEdge(@NonNull @Description("Pass as after or before to page from this institution") String cursor,
                                  @NonNull InstitutionView node) {
    }
}
