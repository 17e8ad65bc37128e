package org.carecircle.estimate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.UserError;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.concurrent.CompletionStage;

@GraphQLApi
public class EstimateApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    OsmEstimates estimates;

    @Mutation
    @RolesAllowed("planner")
    @Description("Where no register or census grid exists: areas, a 100 m population grid and institutions estimated "
            + "from the configured OSM extract, every figure marked estimated with its method. Replaces earlier OSM "
            + "estimates; real data stays. residents scales the grid to a published total; childrenShare defaults to "
            + "0.022 (Yubei 2024).")
    public @NonNull CompletionStage<EstimatePayload> estimateFromOsm(Double residents, Double childrenShare) {
        return heavyWork.offloaded(() -> UserError.payload(() -> estimates.estimate(residents, childrenShare),
                EstimatePayload::new));
    }
}
