package org.carecircle.planning;

import jakarta.json.JsonObject;
import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** Suggested sites in order of choice, with what each adds and costs, and the same as GeoJSON. */
@Type("SiteSuggestion")
public record SiteSuggestion(double minutes, int candidates,
                             @Description("How the candidates were made fewer when more places were offered than one "
                                     + "suggestion weighs (null when every place was a candidate)") String candidateReduction,
                             @Description("Children wanting a place, in all") double childrenWantingPlace,
                             @Description("Of them, covered by the existing institutions within the limit") double childrenWantingPlaceCoveredBefore,
                             @NonNull SuggestedSiteConnection sites,
                             @Description("Why fewer sites were suggested than asked for (null when as many as asked)")
                             String fewerSitesBecause,
                             @NonNull @Description("How close to the best choice the greedy one is guaranteed to be") String guarantee,
                             @NonNull JsonObject featureCollection) {

    @Type("SuggestedSiteConnection")
    @Description("A page of suggested sites in the order chosen (Relay cursor connection)")
    public record SuggestedSiteConnection(@NonNull List<@NonNull SuggestedSiteEdge> edges,
                                          @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                          List<@NonNull SuggestedSite> nodes,
                                          @NonNull PageInfo pageInfo,
                                          @Description("Sites suggested, across all pages") int totalCount) {
        static SuggestedSiteConnection of(Page<SuggestedSite> page) {
            return new SuggestedSiteConnection(page.edges(SuggestedSiteEdge::new), page.nodes(), page.pageInfo(),
                    page.totalCount());
        }
    }

    @Type("SuggestedSiteEdge")
    @Description("A suggested site and the cursor that pages from it")
    public record SuggestedSiteEdge(@NonNull @Description("Pass as after or before to page from this site") String cursor,
                                    @NonNull SuggestedSite node) {
    }

    @Type("SuggestedSite")
    public record SuggestedSite(int rank, @NonNull String candidate,
                                @NonNull @Description("Where the site would stand") JsonObject location, int slots,
                                @Description("Children wanting a place newly covered by this site (marginal gain)")
                                double childrenNewlyCovered,
                                @Description("Newly covered by the sites so far") double cumulativeNewlyCovered,
                                @Description("Share of children wanting a place covered with this site and those before")
                                double childrenWantingPlaceCoveredShare,
                                @Description("Yubei's opening incentive, CNY, paid over two years") double openingIncentive,
                                @Description("Operating subsidy a year for the children newly covered, CNY") double operatingSubsidyPerYear,
                                @Description("Rent subsidy a year, CNY") double rentSubsidyPerYear) {
    }
}
