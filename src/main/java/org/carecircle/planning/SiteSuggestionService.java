package org.carecircle.planning;

import com.carrotsearch.hppc.IntArrayList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Page;
import org.carecircle.api.PageRequest;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violations;
import org.carecircle.coverage.Coverage;
import org.carecircle.coverage.CoverageData;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.coverage.CoverageService;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.coverage.SiteReach;
import org.carecircle.engine.geometry.Projection;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.engine.osm.OsmElements;
import org.carecircle.engine.planning.CandidateSquares;
import org.carecircle.engine.planning.SiteSelection;
import org.carecircle.institution.AgeGroup;
import org.carecircle.institution.ClassGroupInput;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.Ownership;
import org.carecircle.network.NetworkService;
import org.carecircle.network.NetworkSettings;
import org.jboss.logging.Logger;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.carecircle.coverage.CoverageReports.round;

/**
 * Where new sites would close the most gap: candidates from the planner, the population grid or
 * OSM, each one's walking reach computed, then {@link SiteSelection} on the demand the existing
 * institutions leave uncovered.
 */
@ApplicationScoped
public class SiteSuggestionService {
    private static final Logger LOG = Logger.getLogger(SiteSuggestionService.class);
    static final int DEFAULT_SLOTS = 60;

    @Inject
    HeavyWork heavyWork;
    @Inject
    CoverageService coverage;
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings networkSettings;
    @Inject
    ApiLimits limits;
    @Inject
    ScenarioService scenarios;

    /** A candidate on the network: its label, where it is, where it joins the network, its slots. */
    record Candidate(String label, double latitude, double longitude, NetworkPoint snapped, int slots) {
    }

    /** Suggests sites; the answer shows one page of them, in the order chosen. */
    public SiteSuggestion suggest(SiteSuggestionInput input, PageRequest request) {
        return heavyWork.run("a site suggestion", () -> suggestAdmitted(input, request));
    }

    private SiteSuggestion suggestAdmitted(SiteSuggestionInput input, PageRequest request) {
        Violations violations = new Violations();
        double minutes = input.minutes() == null ? 15 : input.minutes();
        CoverageParameters parameters = (input.parameters() == null ? CoverageParameters.DEFAULT : input.parameters())
                .withMinutes(List.of(minutes));
        Coverage.Settings settings = coverage.settings(parameters, violations);
        int slots = input.slotsPerSite() == null ? DEFAULT_SLOTS : input.slotsPerSite();
        violations.check(slots >= 1 && slots <= 1000, "slotsPerSite", "must be from 1 to 1000 (got " + slots + ")");
        if (input.coverageTarget() != null) {
            violations.check(input.coverageTarget() > 0 && input.coverageTarget() <= 1, "coverageTarget",
                    "must be more than 0 and at most 1 (got " + input.coverageTarget() + ")");
        }
        double minDistance = input.minDistanceMetres() == null ? 0 : input.minDistanceMetres();
        violations.check(minDistance >= 0 && minDistance <= 10_000, "minDistanceMetres",
                "must be from 0 to 10000 (got " + minDistance + ")");
        if (input.boundingBox() != null) {
            input.boundingBox().validate("boundingBox", limits.maxBoundingBoxDegrees(), violations);
        }
        CandidateSource source = input.candidates() == null ? CandidateSource.POPULATION_CELLS : input.candidates();
        violations.check(source != CandidateSource.POINTS || input.points() != null && !input.points().isEmpty(), "points",
                "give at least one candidate point with candidates: POINTS");
        violations.throwIfAny();

        Coverage base = coverage.coverage(settings);
        CoverageAnalysis analysis = base.analysis();
        double[] uncovered = new double[base.cells().size()];
        double demand = 0, childrenWantingPlaceCoveredBefore = 0;
        for (int c = 0; c < uncovered.length; c++) {
            uncovered[c] = analysis.demand()[c] - analysis.covered(c, 0);
            demand += analysis.demand()[c];
            childrenWantingPlaceCoveredBefore += analysis.covered(c, 0);
        }
        NetworkLoader.Loaded network = networks.require();
        PointLinks links = base.cells().links(network, settings.profile(), networkSettings.maxSnapMetres());
        Candidates offered = candidates(input, source, slots, base, links, uncovered, network, settings.profile(), violations);
        List<Candidate> candidates = offered.list();
        violations.check(!candidates.isEmpty(), "candidates", "no candidate lies on the walking network"
                + (input.boundingBox() != null ? " inside the box" : ""));
        violations.check(candidates.size() <= limits.maxSuggestionCandidates(), "candidates", candidates.size()
                + " candidates, more than the " + limits.maxSuggestionCandidates() + " one suggestion weighs; give a boundingBox");
        int count = input.sites() == null ? Math.min(15, candidates.size()) : input.sites();
        violations.check(count >= 1 && count <= candidates.size(), "sites",
                "must be from 1 to the " + candidates.size() + " candidates (got " + count + ")");
        violations.throwIfAny();

        long start = System.nanoTime();
        SiteReach reach = SiteReach.compute(network.network(), links,
                candidates.stream().map(Candidate::snapped).toList(), minutes * settings.metresPerMinute());
        double[] candidateSlots = candidates.stream().mapToDouble(Candidate::slots).toArray();
        double target = input.coverageTarget() == null ? Double.POSITIVE_INFINITY
                : Math.max(0, input.coverageTarget() * demand - childrenWantingPlaceCoveredBefore);
        List<SiteSelection.Choice> choices = SiteSelection.choose(reach, candidateSlots, uncovered, count, target,
                tooClose(candidates, minDistance));
        LOG.infof("Site suggestion: %d of %d candidates chosen in %d ms", choices.size(), candidates.size(),
                (System.nanoTime() - start) / 1_000_000);
        boolean inclusive = input.inclusive() == null || input.inclusive();
        if (input.saveAs() != null) {
            save(input.saveAs(), candidates, choices, inclusive,
                    input.ownership() == null ? Ownership.PUBLIC : input.ownership());
        }
        String fewer = null;
        if (choices.size() < count) {
            double covered = choices.isEmpty() ? 0 : choices.get(choices.size() - 1).cumulative();
            // the selection stops at the target, or when no candidate left adds a child
            fewer = covered >= target - 1e-9
                    ? String.format(Locale.ROOT, "%d of the %d sites asked for reach the coverage target of %.0f %%",
                    choices.size(), count, input.coverageTarget() * 100)
                    : String.format(Locale.ROOT, "only %d of the %d sites asked for add coverage: every other candidate "
                    + "is too close to a chosen site or reaches no child still uncovered within %.0f minutes",
                    choices.size(), count, minutes);
        }
        return answer(minutes, candidates, choices, demand, childrenWantingPlaceCoveredBefore, inclusive, offered.reduction(),
                fewer, request);
    }

    /** The chosen sites as a scenario's proposed institutions, slots in the default 1 : 2 : 3 mix of age groups. */
    private void save(String name, List<Candidate> candidates, List<SiteSelection.Choice> choices, boolean inclusive,
                      Ownership ownership) {
        List<ScenarioInput.ProposedInstitution> proposed = new ArrayList<>();
        for (int rank = 1; rank <= choices.size(); rank++) {
            Candidate candidate = candidates.get(choices.get(rank - 1).candidate());
            int infants = candidate.slots() / 6, toddlers = candidate.slots() / 3;
            List<ClassGroupInput> groups = new ArrayList<>();
            for (ClassGroupInput group : List.of(new ClassGroupInput(AgeGroup.INFANT, null, infants, 0),
                    new ClassGroupInput(AgeGroup.TODDLER, null, toddlers, 0),
                    new ClassGroupInput(AgeGroup.OLDER_TODDLER, null, candidate.slots() - infants - toddlers, 0))) {
                if (group.slots() > 0) {
                    groups.add(group);
                }
            }
            proposed.add(new ScenarioInput.ProposedInstitution("Suggested site " + rank + " (" + candidate.label() + ")",
                    GeoJson.write(GeoJson.FACTORY.createPoint(new Coordinate(candidate.longitude(), candidate.latitude()))),
                    ownership, InstitutionKind.COMMUNITY, inclusive, groups));
        }
        scenarios.replace(new ScenarioInput(name, "Sites suggested by suggestSites", proposed, null, null, null));
    }

    /** The candidates, and how they were made fewer if they had to be (null if not). */
    private record Candidates(List<Candidate> list, String reduction) {
    }

    private Candidates candidates(SiteSuggestionInput input, CandidateSource source, int slots, Coverage base,
                                  PointLinks links, double[] uncovered, NetworkLoader.Loaded network, WalkingProfile profile,
                                  Violations violations) {
        Envelope box = input.boundingBox() == null ? null : input.boundingBox().toPolygon().getEnvelopeInternal();
        List<Candidate> found = new ArrayList<>();
        String reduction = null;
        switch (source) {
            case POINTS -> {
                for (int i = 0; i < input.points().size(); i++) {
                    SiteSuggestionInput.CandidateInput point = input.points().get(i);
                    Point location = GeoJson.readPoint(point.location(), "points[" + i + "].location", violations);
                    Integer own = point.slots();
                    violations.check(own == null || own >= 1 && own <= 1000, "points[" + i + "].slots",
                            "must be from 1 to 1000 (got " + own + ")");
                    if (location != null) {
                        add(found, "point " + (i + 1), location.getY(), location.getX(), own == null ? slots : own, box,
                                network, profile);
                    }
                }
            }
            case POPULATION_CELLS -> {
                // the cells are joined to the network already
                CoverageData.Cells cells = base.cells();
                IntArrayList eligible = new IntArrayList();
                for (int c = 0; c < uncovered.length; c++) {
                    boolean inBox = box == null || box.contains(cells.longitude[c], cells.latitude[c]);
                    if (uncovered[c] > 1e-3 && links.linked(c) && inBox) {
                        eligible.add(c);
                    }
                }
                CandidateSquares.Reduction squares = CandidateSquares.reduce(cells.latitude, cells.longitude, uncovered,
                        eligible.toArray(), limits.maxSuggestionCandidates());
                if (squares.squareMetres() > 0) {
                    reduction = String.format(Locale.ROOT, "%d cells with children left uncovered are more than the %d candidates "
                                    + "one suggestion weighs: each square of %.0f m holding some gave one, the cell nearest "
                                    + "its uncovered children's centre (%d candidates)", eligible.size(), limits.maxSuggestionCandidates(),
                            squares.squareMetres(), squares.kept().length);
                }
                for (int c : squares.kept()) {
                    found.add(new Candidate("cell " + cells.cellId[c], cells.latitude[c], cells.longitude[c],
                            links.networkPoint(c), slots));
                }
            }
            case OSM -> {
                for (OsmElements.Place place : OsmCandidates.read(networkSettings.osmFile()
                        .orElseThrow(() -> new InvalidInputException("candidates", "no OSM extract is configured")).toFile())) {
                    String name = place.element().getTag("name");
                    add(found, "OSM " + place.osmId() + (name == null ? "" : " " + name), place.latitude(), place.longitude(),
                            slots, box, network, profile);
                }
            }
        }
        violations.throwIfAny();
        return new Candidates(found, reduction);
    }

    private void add(List<Candidate> found, String label, double latitude, double longitude, int slots, Envelope box,
                     NetworkLoader.Loaded network, WalkingProfile profile) {
        if (box != null && !box.contains(longitude, latitude)) {
            return;
        }
        NetworkPoint snapped = network.snapper().snapWithin(latitude, longitude, profile, networkSettings.maxSnapMetres());
        if (snapped != null) {
            found.add(new Candidate(label, latitude, longitude, snapped, slots));
        }
    }

    private static SiteSelection.TooClose tooClose(List<Candidate> candidates, double metres) {
        if (metres <= 0) {
            return SiteSelection.TooClose.NEVER;
        }
        return (candidate, chosen) -> chosen.stream().anyMatch(choice ->
                distance(candidates.get(candidate), candidates.get(choice.candidate())) < metres);
    }

    private static double distance(Candidate a, Candidate b) {
        return new Projection(a.latitude(), a.longitude()).distance(a.latitude(), a.longitude(), b.latitude(), b.longitude());
    }

    private static SiteSuggestion answer(double minutes, List<Candidate> candidates, List<SiteSelection.Choice> choices,
                                         double demand, double coveredBefore, boolean inclusive, String candidateReduction,
                                         String fewerSitesBecause, PageRequest request) {
        List<SiteSuggestion.SuggestedSite> sites = new ArrayList<>();
        for (int rank = 1; rank <= choices.size(); rank++) {
            SiteSelection.Choice choice = choices.get(rank - 1);
            Candidate candidate = candidates.get(choice.candidate());
            SiteCosts costs = SiteCosts.of(candidate.slots(), choice.gain(), inclusive);
            sites.add(new SiteSuggestion.SuggestedSite(rank, candidate.label(), GeoJson.write(GeoJson.FACTORY.createPoint(
                    new Coordinate(candidate.longitude(), candidate.latitude()))), candidate.slots(), round(choice.gain()),
                    round(choice.cumulative()), demand > 0 ? round((coveredBefore + choice.cumulative()) / demand) : 0,
                    costs.openingIncentive(), costs.operatingSubsidyPerYear(), costs.rentSubsidyPerYear()));
        }
        Page<SiteSuggestion.SuggestedSite> page = request.page(sites, SiteSuggestion.SuggestedSite::rank, Integer::valueOf);
        var features = GeoJson.JSON.createArrayBuilder();
        for (SiteSuggestion.SuggestedSite site : page.nodes()) {
            features.add(GeoJson.JSON.createObjectBuilder().add("type", "Feature").add("geometry", site.location())
                    .add("properties", GeoJson.JSON.createObjectBuilder().add("rank", site.rank())
                            .add("candidate", site.candidate()).add("slots", site.slots())
                            .add("childrenNewlyCovered", site.childrenNewlyCovered())
                            .add("childrenWantingPlaceCoveredShare", site.childrenWantingPlaceCoveredShare())
                            .add("openingIncentive", site.openingIncentive())
                            .add("operatingSubsidyPerYear", site.operatingSubsidyPerYear())
                            .add("rentSubsidyPerYear", site.rentSubsidyPerYear())));
        }
        String guarantee = String.format(Locale.ROOT, "Greedy with lazy evaluation on exact gains: the %d sites cover at "
                + "least %.1f %% of what the best %d candidates could (1 − (1 − 1/K)^K; covered demand is submodular)",
                choices.size(), 100 * (1 - Math.pow(1 - 1.0 / Math.max(1, choices.size()), Math.max(1, choices.size()))),
                choices.size());
        return new SiteSuggestion(minutes, candidates.size(), candidateReduction, round(demand), round(coveredBefore),
                SiteSuggestion.SuggestedSiteConnection.of(page), fewerSitesBecause, guarantee,
                GeoJson.JSON.createObjectBuilder().add("type", "FeatureCollection").add("features", features).build());
    }
}
