package org.carecircle.population;

import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("PopulationCellConnection")
@Description("A page of population cells in cellId order (Relay cursor connection)")
public record PopulationCellConnection(@NonNull List<@NonNull PopulationCellEdge> edges,
                                       @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                       List<@NonNull PopulationCellView> nodes,
                                       @NonNull PageInfo pageInfo,
                                       @Description("Cells intersecting the box, across all pages") int totalCount) {

    static PopulationCellConnection of(Page<PopulationCellView> page) {
        return new PopulationCellConnection(page.edges(PopulationCellEdge::new), page.nodes(), page.pageInfo(),
                page.totalCount());
    }

    @Type("PopulationCellEdge")
    @Description("A population cell and the cursor that pages from it")
    public record PopulationCellEdge(@NonNull @Description("Pass as after or before to page from this cell") String cursor,
                                     @NonNull PopulationCellView node) {
    }
}
