package org.carecircle.planning;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Paging;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.concurrent.CompletionStage;

@GraphQLApi
public class PlanningApi {
    @Inject
    Paging paging;
    @Inject
    HeavyWork heavyWork;
    @Inject
    SiteSuggestionService suggestions;
    @Inject
    SecurityIdentity identity;

    @Query
    @Description("Where K new sites (or the fewest reaching coverageTarget) would newly cover the most children "
            + "wanting a place within the walking limit, counting slots (capacitated maximal covering, greedy with "
            + "lazy evaluation; its guarantee is in the answer), with each site's estimated subsidy cost")
    public @NonNull CompletionStage<SiteSuggestion> suggestSites(@NonNull SiteSuggestionInput input,
                                                                 @Description(Paging.FIRST) Integer first,
                                                                 @Description(Paging.AFTER) String after,
                                                                 @Description(Paging.LAST) Integer last,
                                                                 @Description(Paging.BEFORE) String before) {
        PageRequest request = paging.request(first, after, last, before);
        // checked here: the suggestion runs on a thread of its own, without the caller's login
        if (input.saveAs() != null && !identity.hasRole("planner")) {
            throw identity.isAnonymous() ? new UnauthorizedException("saveAs needs the planner login")
                    : new ForbiddenException("saveAs needs the planner role");
        }
        return heavyWork.offloaded(() -> suggestions.suggest(input, request));
    }
}
