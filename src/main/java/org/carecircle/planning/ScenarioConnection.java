package org.carecircle.planning;

import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("ScenarioConnection")
@Description("A page of stored scenarios in name order (Relay cursor connection)")
public record ScenarioConnection(@NonNull List<@NonNull ScenarioEdge> edges,
                                 @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                 List<ScenarioComparison.@NonNull Summary> nodes,
                                 @NonNull PageInfo pageInfo,
                                 @Description("Stored scenarios, across all pages") int totalCount) {

    static ScenarioConnection of(Page<ScenarioComparison.Summary> page) {
        return new ScenarioConnection(page.edges(ScenarioEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
    }

    @Type("ScenarioEdge")
    @Description("A scenario and the cursor that pages from it")
    public record ScenarioEdge(@NonNull @Description("Pass as after or before to page from this scenario") String cursor,
                               ScenarioComparison.@NonNull Summary node) {
    }
}
