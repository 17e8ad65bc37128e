package org.carecircle.network;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.InvalidInputException;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionFilter;
import org.carecircle.institution.InstitutionView;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.concurrent.CompletionStage;

@GraphQLApi
public class ServiceCircleApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    ServiceCircleService service;
    @Inject
    StoredCircleService storedCircles;

    @Description("The institution's stored service circles (5 and 15 minutes on foot at the default speed), as a "
            + "GeoJSON FeatureCollection; empty, with properties.offNetwork true, if it is too far from the network")
    public @NonNull JsonObject serviceCircles(@Source InstitutionView institution) {
        return storedCircles.circles(institution.id());
    }

    @Query
    @Description("Institutions whose stored service circles are still being drawn in the background (after an import, "
            + "a new institution or a move): how many, and the first ids in id order. Asking for an institution's "
            + "serviceCircles draws them at once instead.")
    public @NonNull PendingCircles serviceCirclesPending(@DefaultValue("100") @Description("At most this many ids, 0 to 1000")
                                                         Integer first) {
        if (first == null) {
            first = 100;
        }
        if (first < 0 || first > 1000) {
            throw new InvalidInputException("first", "must be from 0 to 1000 (got " + first + ")");
        }
        List<Long> pending = storedCircles.pending();
        return new PendingCircles(pending.size(), pending.stream().limit(first).map(String::valueOf).toList());
    }

    @Type("PendingCircles")
    public record PendingCircles(int count, @NonNull @Id List<@NonNull String> institutionIds) {
    }

    @Query
    @Description("Walking service circles around one origin, from one search: a GeoJSON FeatureCollection with one "
            + "(Multi)Polygon per limit, nested exactly, unreachable land left as holes. Give minutes (at speedKmh) "
            + "or network metres (GB 50180 life circles: 300, 500, 1000).")
    public @NonNull CompletionStage<JsonObject> serviceCircle(@NonNull ServiceCircleOrigin origin, List<Double> minutes,
                                             List<Double> metres,
                                             @Description("Walking speed on flat ground; default 4.5") Double speedKmh,
                                             @DefaultValue("FOOT") WalkingProfile profile) {
        return heavyWork.offloaded(() -> service.circle(origin, minutes, metres, speedKmh, profile));
    }

    @Query
    @Description("The union of the service circles of every institution matching the filter, from one multi-source "
            + "search; institutions too far from the network are listed in the collection's properties.")
    public @NonNull CompletionStage<JsonObject> serviceCircles(InstitutionFilter filter, List<Double> minutes,
                                              List<Double> metres, Double speedKmh,
                                              @DefaultValue("FOOT") WalkingProfile profile) {
        return heavyWork.offloaded(() -> service.union(filter, minutes, metres, speedKmh, profile));
    }
}
