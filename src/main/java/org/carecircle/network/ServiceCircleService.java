package org.carecircle.network;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.NotFoundException;
import org.carecircle.api.Violations;
import org.carecircle.engine.network.CircleLimits;
import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.ServiceCircles;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionFilter;
import org.carecircle.institution.InstitutionService;
import org.carecircle.population.PopulationService;
import org.carecircle.population.PopulationSum;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.List;

/** Service circles as GeoJSON FeatureCollections, with the population inside each band. */
@ApplicationScoped
public class ServiceCircleService {
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings settings;
    @Inject
    InstitutionService institutions;
    @Inject
    PopulationService population;
    @Inject
    HeavyWork heavyWork;

    /** One origin: a point or an institution. */
    public JsonObject circle(ServiceCircleOrigin origin, List<Double> minutes, List<Double> metres, Double speedKmh,
                             WalkingProfile profile) {
        Violations violations = new Violations();
        CircleLimits limits = settings.circleLimits(minutes, metres, speedKmh, violations);
        double[] place = place(origin, violations);
        violations.throwIfAny();
        NetworkLoader.Loaded network = networks.require();
        NetworkPoint snapped = network.snapper().snapWithin(place[0], place[1], profile, settings.maxSnapMetres());
        if (snapped == null) {
            NetworkPoint nearest = network.snapper().snap(place[0], place[1], profile);
            throw new InvalidInputException("origin", nearest == null ? "no walkable way near it for profile " + profile
                    : String.format("the nearest walkable way is %.0f m away, more than the %.0f m allowed",
                    nearest.distance(), settings.maxSnapMetres()));
        }
        // the answer's GeoJSON is written within the turn too: for a 60-minute circle it costs as much as the search
        return heavyWork.run("a service circle", () -> {
            List<ServiceCircles.Band> bands = around(network, profile, limits.kind(), snapped, place, limits.costs());
            var snap = GeoJson.JSON.createObjectBuilder()
                    .add("snappedOrigin", GeoJson.write(point(snapped.latitude(), snapped.longitude())))
                    .add("snapDistanceMetres", round(snapped.distance()));
            return collection(bands, limits, profile, snap.build(), null);
        });
    }

    /** All institutions matching the filter at once: one multi-source search, one polygon per band. */
    public JsonObject union(InstitutionFilter filter, List<Double> minutes, List<Double> metres, Double speedKmh,
                            WalkingProfile profile) {
        Violations violations = new Violations();
        CircleLimits limits = settings.circleLimits(minutes, metres, speedKmh, violations);
        violations.throwIfAny();
        List<InstitutionService.Place> places = institutions.places(filter);
        if (places.size() > settings.maxOrigins()) {
            throw new InvalidInputException("filter", places.size() + " institutions match, more than the "
                    + settings.maxOrigins() + " one union may start from; narrow the filter");
        }
        NetworkLoader.Loaded network = networks.require();
        List<NetworkPoint> origins = new ArrayList<>();
        List<double[]> originPlaces = new ArrayList<>();
        var unreached = GeoJson.JSON.createArrayBuilder();
        for (InstitutionService.Place place : places) {
            NetworkPoint snapped = network.snapper().snapWithin(place.latitude(), place.longitude(), profile,
                    settings.maxSnapMetres());
            if (snapped == null) {
                unreached.add(place.id());
            } else {
                origins.add(snapped);
                originPlaces.add(new double[] {place.latitude(), place.longitude()});
            }
        }
        var summary = GeoJson.JSON.createObjectBuilder()
                .add("institutions", places.size())
                .add("institutionsOffNetwork", unreached);
        if (origins.isEmpty()) {
            return collection(List.of(), limits, profile, summary.build(), null);
        }
        return heavyWork.run("a union of service circles", () -> collection(ServiceCircles.build(network.network(),
                profile, limits.kind(), origins, originPlaces, limits.costs(), settings.circles(), GeoJson.FACTORY), limits,
                profile, null, summary.build()));
    }

    /** The bands around one place, from where it joins the network. */
    List<ServiceCircles.Band> around(NetworkLoader.Loaded network, WalkingProfile profile, CostKind kind,
                                     NetworkPoint snapped, double[] place, double[] costs) {
        return ServiceCircles.build(network.network(), profile, kind, List.of(snapped), List.of(place), costs,
                settings.circles(), GeoJson.FACTORY);
    }

    private JsonObject collection(List<ServiceCircles.Band> bands, CircleLimits limits, WalkingProfile profile,
                                  JsonObject perFeature, JsonObject perCollection) {
        var features = GeoJson.JSON.createArrayBuilder();
        List<PopulationService.CellCentre> cells = bands.isEmpty() ? List.of()
                : population.centresIn(bands.get(bands.size() - 1).area().getEnvelopeInternal());
        for (int index = 0; index < bands.size(); index++) {
            ServiceCircles.Band band = bands.get(index);
            PopulationSum inside = PopulationSum.of(cells.stream().filter(c -> band.contains(c.latitude(), c.longitude())));
            var properties = GeoJson.JSON.createObjectBuilder()
                    .add("limit", limits.values()[index])
                    .add("unit", limits.unit())
                    .add("speedKmh", limits.speedKmh())
                    .add("profile", profile.name())
                    .add("areaSquareMetres", round(band.squareMetres()))
                    .add("residents", round(inside.residents()))
                    .add("childrenUnder3", round(inside.childrenUnder3()))
                    .add("populationEstimated", inside.estimated());
            if (perFeature != null) {
                perFeature.forEach(properties::add);
            }
            features.add(GeoJson.feature(band.area(), properties.build()));
        }
        var collection = GeoJson.JSON.createObjectBuilder().add("type", "FeatureCollection").add("features", features);
        if (perCollection != null) {
            collection.add("properties", perCollection);
        }
        return collection.build();
    }

    private double[] place(ServiceCircleOrigin origin, Violations violations) {
        if ((origin.point() == null) == (origin.institutionId() == null)) {
            violations.add("origin", "give either a point or an institutionId");
            return null;
        }
        if (origin.point() != null) {
            Point point = GeoJson.readPoint(origin.point(), "origin.point", violations);
            return point == null ? null : new double[] {point.getY(), point.getX()};
        }
        InstitutionService.Place found = institutions.place(origin.institutionId());
        if (found == null) {
            throw new NotFoundException("origin.institutionId", "institution " + origin.institutionId());
        }
        return new double[] {found.latitude(), found.longitude()};
    }

    private static Point point(double latitude, double longitude) {
        return GeoJson.FACTORY.createPoint(new Coordinate(longitude, latitude));
    }

    private static double round(double value) {
        return Decimals.round(value, 2);
    }
}
