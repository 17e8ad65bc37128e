package org.carecircle.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Violations;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.network.CircleLimits;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.PointLinks;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.network.NetworkService;
import org.carecircle.network.NetworkSettings;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs coverage analyses and keeps the latest few: an answer is reused only while the institutions,
 * the population, the areas and the network are the ones it was computed from.
 */
@ApplicationScoped
public class CoverageService {
    private static final Logger LOG = Logger.getLogger(CoverageService.class);
    private static final int CACHED_ANALYSES = 8;
    /** An analysis kept is edited when at most this many institutions (or a quarter of them) differ; else run afresh. */
    private static final int MAX_EDITED_SITES = 50;

    @Inject
    HeavyWork heavyWork;
    @Inject
    CoverageData data;
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings networkSettings;
    @Inject
    Adjustments.Source scenarios;

    /** What an analysis rests on: equal keys, equal answers. */
    private record Key(Coverage.Settings settings, CoverageData.Versions versions, String networkChecksum,
                       long scenarioVersion) {
    }

    private final Map<Key, Coverage> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Coverage> eldest) {
            return size() > CACHED_ANALYSES;
        }
    };

    /** Checks every parameter, recording each problem under its field; fills in the defaults. */
    public Coverage.Settings settings(CoverageParameters parameters, Violations violations) {
        CoverageParameters given = parameters == null ? CoverageParameters.DEFAULT : parameters;
        CircleLimits limits = networkSettings.circleLimits(
                given.minutes() == null ? CoverageParameters.DEFAULT_MINUTES : given.minutes(), null, given.speedKmh(), violations);
        double takeUp = given.takeUpRate() == null ? CoverageParameters.DEFAULT_TAKE_UP_RATE : given.takeUpRate();
        violations.check(takeUp > 0 && takeUp <= 1, "takeUpRate", "must be more than 0 and at most 1 (got " + takeUp + ")");
        if (limits == null) {
            return null;
        }
        return new Coverage.Settings(Arrays.stream(limits.values()).boxed().toList(), limits.speedKmh(),
                given.profile() == null ? WalkingProfile.FOOT : given.profile(), takeUp,
                given.capacity() == null ? CapacityMode.SLOTS : given.capacity(),
                (given.institutions() == null ? InstitutionSelection.DEFAULT : given.institutions()).normalised(),
                given.scenario());
    }

    public Coverage coverage(CoverageParameters parameters) {
        Violations violations = new Violations();
        Coverage.Settings settings = settings(parameters, violations);
        violations.throwIfAny();
        return coverage(settings);
    }

    public Coverage coverage(Coverage.Settings settings) {
        Basis basis = basis(settings);
        synchronized (cache) {
            Coverage cached = cache.get(basis.key());
            if (cached != null) {
                return cached;
            }
        }
        Coverage computed = heavyWork.run("a coverage analysis",
                () -> compute(settings, basis.key().versions(), basis.network(), basis.scenario()));
        synchronized (cache) {
            cache.put(basis.key(), computed);
        }
        return computed;
    }

    /** What an analysis with these settings rests on now: its cache key, and the network and scenario behind it. */
    private record Basis(Key key, NetworkLoader.Loaded network, Adjustments scenario) {
    }

    private Basis basis(Coverage.Settings settings) {
        NetworkLoader.Loaded network = networks.require();
        Adjustments scenario = settings.scenario() == null ? null : scenarios.find(settings.scenario(), "scenario");
        return new Basis(new Key(settings, data.versions(), network.checksum(), scenario == null ? 0 : scenario.version()),
                network, scenario);
    }

    /** The data's versions now (one small read). */
    public CoverageData.Versions dataVersions() {
        return data.versions();
    }

    /**
     * What an analysis with these settings would rest on now, as text (data versions, network,
     * scenario): for caches of what is drawn from it, without computing it.
     */
    public String stateOf(Coverage.Settings settings) {
        return basis(settings).key().toString();
    }

    /** Gap areas for one of the limits (default the longest), the largest {@code first} (default 20) with outlines. */
    public CoverageViews.GapReport gaps(CoverageParameters parameters, Double minutes, Boolean withCapacity,
                                        PageRequest request) {
        Violations violations = new Violations();
        Coverage.Settings settings = settings(parameters, violations);
        int limit = settings == null ? -1 : minutes == null ? settings.minutes().size() - 1 : settings.limitIndex(minutes);
        if (settings != null) {
            violations.check(limit >= 0, "minutes", "must be one of the analysis limits " + settings.minutes()
                    + " (got " + minutes + ")");
        }
        violations.throwIfAny();
        return CoverageReports.gaps(coverage(settings), limit, Boolean.TRUE.equals(withCapacity), request);
    }

    private Coverage compute(Coverage.Settings settings, CoverageData.Versions versions, NetworkLoader.Loaded network,
                             Adjustments scenario) {
        long start = System.nanoTime();
        CoverageData.Cells cells = data.cells(versions);
        List<CoverageData.Site> all = data.sites(cells.areas);
        if (scenario != null) {
            cells = cells.withPeople(scenario.people());
            all = adjusted(all, scenario, cells.areas);
        }
        PointLinks links = cells.links(network, settings.profile(), networkSettings.maxSnapMetres());
        List<CoverageData.Site> counted = new ArrayList<>();
        List<CoverageData.Site> offNetwork = new ArrayList<>();
        List<NetworkPoint> origins = new ArrayList<>();
        for (CoverageData.Site site : all) {
            if (!site.selected(settings.institutions())) {
                continue;
            }
            NetworkPoint snapped = network.snapper().snapWithin(site.latitude(), site.longitude(), settings.profile(),
                    networkSettings.maxSnapMetres());
            if (snapped == null) {
                offNetwork.add(site);
            } else {
                counted.add(site);
                origins.add(snapped);
            }
        }
        double[] capacity = counted.stream().mapToDouble(site -> site.capacity(settings.capacity())).toArray();
        double[] limits = settings.minutes().stream().mapToDouble(m -> m * settings.metresPerMinute()).toArray();
        LOG.infof("Coverage: %d cells, %d institutions, limits %s minutes", cells.size(), counted.size(), settings.minutes());
        CoverageAnalysis analysis = fromKept(settings, cells, network, counted, links, origins, capacity, limits);
        if (analysis == null) {
            analysis = CoverageAnalysis.run(network.network(), links, origins, cells.childrenUnder3, settings.takeUpRate(),
                    capacity, limits);
        }
        CoverageAnalysis.Sums sums = analysis.sum(cells.residents, cells.childrenUnder3, cells.area, cells.areas.parent());
        int unlinked = 0;
        for (int c = 0; c < cells.size(); c++) {
            unlinked += links.linked(c) ? 0 : 1;
        }
        LOG.infof("Coverage done in %d ms", (System.nanoTime() - start) / 1_000_000);
        return new Coverage(settings, cells, counted, offNetwork, analysis, sums, unlinked, all);
    }

    /**
     * This analysis from one kept, when one shares its network, its cells in the same places, its
     * limits, speed and profile, and differs in few institutions' places: with none, only the
     * allocation and floating catchments are computed again (a resized institution, a scenario that
     * resizes or builds homes); with a few (created, moved, closed), only what they change is searched
     * again. Null when no kept analysis is that close.
     */
    private CoverageAnalysis fromKept(Coverage.Settings settings, CoverageData.Cells cells, NetworkLoader.Loaded network,
                                      List<CoverageData.Site> counted, PointLinks links, List<NetworkPoint> origins,
                                      double[] capacity, double[] limits) {
        Coverage closest = null;
        int[] closestPrevious = null;
        int fewest = Math.max(MAX_EDITED_SITES, counted.size() / 4) + 1;
        synchronized (cache) {
            for (Map.Entry<Key, Coverage> entry : cache.entrySet()) {
                Coverage kept = entry.getValue();
                Coverage.Settings was = kept.settings();
                if (entry.getKey().networkChecksum().equals(network.checksum()) && kept.cells().latitude == cells.latitude
                        && was.minutes().equals(settings.minutes()) && was.speedKmh() == settings.speedKmh()
                        && was.profile() == settings.profile()) {
                    int[] previous = previous(kept.sites(), counted);
                    int changes = changes(previous, kept.sites().size());
                    if (changes < fewest) {
                        fewest = changes;
                        closest = kept;
                        closestPrevious = previous;
                    }
                }
            }
        }
        if (closest == null) {
            return null;
        }
        if (fewest == 0) {
            LOG.infof("Coverage: the walks of an analysis kept are reused (only slots or children differ)");
            return CoverageAnalysis.withWalks(closest.analysis().nearest(), closest.analysis().reach(), cells.childrenUnder3,
                    settings.takeUpRate(), capacity, limits);
        }
        LOG.infof("Coverage: an analysis kept is edited (%d institutions created, moved or closed)", fewest);
        return closest.analysis().edited(network.network(), links, origins, closestPrevious, cells.childrenUnder3,
                settings.takeUpRate(), capacity, limits);
    }

    /** For each site counted now, its index among the sites kept if it stands where it stood there, else -1. */
    private static int[] previous(List<CoverageData.Site> kept, List<CoverageData.Site> counted) {
        Map<Long, Integer> keptIndex = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            keptIndex.put(kept.get(i).id(), i);
        }
        int[] previous = new int[counted.size()];
        for (int i = 0; i < counted.size(); i++) {
            Integer was = keptIndex.get(counted.get(i).id());
            CoverageData.Site site = counted.get(i);
            previous[i] = was != null && kept.get(was).latitude() == site.latitude() && kept.get(was).longitude() == site.longitude()
                    ? was : -1;
        }
        return previous;
    }

    /** Sites new or moved, and sites gone. */
    private static int changes(int[] previous, int keptSites) {
        int added = 0, kept = 0;
        for (int was : previous) {
            added += was < 0 ? 1 : 0;
            kept += was < 0 ? 0 : 1;
        }
        return added + keptSites - kept;
    }

    /** The institutions as the scenario has them: some taken out, some resized, proposed ones added. */
    private List<CoverageData.Site> adjusted(List<CoverageData.Site> base, Adjustments scenario, CoverageData.Areas areas) {
        List<CoverageData.Site> sites = new ArrayList<>();
        for (CoverageData.Site site : base) {
            if (!scenario.removed().contains(site.id())) {
                long[] totals = scenario.resized().get(site.id());
                sites.add(totals == null ? site : site.resized(totals));
            }
        }
        for (int i = 0; i < scenario.added().size(); i++) {
            Adjustments.AddedSite added = scenario.added().get(i);
            sites.add(CoverageData.Site.proposed(-(i + 1), added, data.areaAt(added.latitude(), added.longitude(), areas)));
        }
        return sites;
    }
}
