package org.carecircle.area;

import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AreaConnection")
@Description("A page of areas in code order (Relay cursor connection)")
public record AreaConnection(@NonNull List<@NonNull AreaEdge> edges,
                             @NonNull @Description("The edges' nodes, for clients that need no cursors")
                             List<@NonNull AreaView> nodes,
                             @NonNull PageInfo pageInfo,
                             @Description("Areas matching the arguments, across all pages") int totalCount) {

    static AreaConnection of(Page<AreaView> page) {
        return new AreaConnection(page.edges(AreaEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }

    @Type("AreaEdge")
    @Description("An area and the cursor that pages from it")
    public record AreaEdge(@NonNull @Description("Pass as after or before to page from this area") String cursor,
                           @NonNull AreaView node) {
    }
}
