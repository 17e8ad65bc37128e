package org.carecircle.planning;

import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class PlanningApi {
    @Inject
    SiteSuggestionService suggestions;

    @Query
    @Description("Where K new sites (or the fewest reaching coverageTarget) would newly cover the most children "
            + "wanting a place within the walking limit, counting slots (capacitated maximal covering, greedy with "
            + "lazy evaluation; its guarantee is in the answer), with each site's estimated subsidy cost")
    public @NonNull SiteSuggestion suggestSites(@NonNull SiteSuggestionInput input) {
        return suggestions.suggest(input);
    }
}
