package org.carecircle.coverage;

import jakarta.json.JsonObject;
import org.carecircle.api.Decimals;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Page;
import org.carecircle.api.PageRequest;
import org.carecircle.area.AreaLevel;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.coverage.GapAreas;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Turns a finished analysis into the views that GraphQL and the exports share. */
public final class CoverageReports {
    private CoverageReports() {
    }

    public static CoverageViews.Report report(Coverage coverage, AreaLevel level) {
        CoverageData.Areas areas = coverage.cells().areas;
        List<CoverageViews.AreaCoverage> perArea = new ArrayList<>();
        for (int a = 0; a < areas.size(); a++) {
            if (CoverageViews.atLevel(areas, a, level)) {
                perArea.add(area(coverage, a));
            }
        }
        List<CoverageViews.InstitutionCoverage> institutions = new ArrayList<>();
        for (int s = 0; s < coverage.sites().size(); s++) {
            CoverageData.Site site = coverage.sites().get(s);
            double available = coverage.analysis().capacity()[s];
            List<CoverageViews.InstitutionLimit> limits = new ArrayList<>();
            for (int l = 0; l < coverage.settings().minutes().size(); l++) {
                double served = coverage.analysis().allocations().get(l).siteServed()[s];
                limits.add(new CoverageViews.InstitutionLimit(coverage.settings().minutes().get(l), round(served),
                        round(available - served)));
            }
            institutions.add(new CoverageViews.InstitutionCoverage(site.id(), site.name(), available, limits));
        }
        Coverage.Settings settings = coverage.settings();
        return new CoverageViews.Report(settings.minutes(), settings.speedKmh(), settings.profile(), settings.takeUpRate(),
                settings.capacity(), coverage.sites().size(),
                coverage.sitesOffNetwork().stream().map(CoverageData.Site::id).toList(), coverage.cells().size(),
                coverage.cellsOffNetwork(), coverage.cells().anyEstimated(), area(coverage, coverage.overall()), perArea,
                institutions);
    }

    /** The sums of one area (or of all cells, at index {@link Coverage#overall()}). */
    public static CoverageViews.AreaCoverage area(Coverage coverage, int group) {
        CoverageAnalysis.Sums sums = coverage.sums();
        List<CoverageViews.LimitCoverage> limits = new ArrayList<>();
        for (int l = 0; l < coverage.settings().minutes().size(); l++) {
            double children = sums.childrenUnder3[group];
            double within = sums.childrenWithin[l][group];
            double wanting = sums.demand[group];
            double covered = sums.demandCovered[l][group];
            limits.add(new CoverageViews.LimitCoverage(coverage.settings().minutes().get(l),
                    round(sums.residentsWithin[l][group]), round(within), round(children - within),
                    share(within, children), round(covered), round(wanting - covered), share(covered, wanting)));
        }
        double wanting = sums.demand[group];
        return new CoverageViews.AreaCoverage(CoverageViews.areaRef(coverage.cells().areas, group == coverage.overall() ? -1 : group),
                round(sums.residents[group]), round(sums.childrenUnder3[group]), round(wanting),
                wanting > 0 ? round(sums.twoStepWeighted[group] / wanting) : null,
                wanting > 0 ? round(sums.enhancedWeighted[group] / wanting) : null, limits);
    }

    /** The cells whose centre lies in the box, at most {@code max} (with one more to tell that there are more). */
    /** One page of the cells whose centre lies in the box, in cellId order. */
    public static CoverageViews.CellCoverageConnection cells(Coverage coverage, Envelope box, PageRequest request) {
        CoverageData.Cells cells = coverage.cells();
        List<Integer> inBox = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            if (box.contains(cells.longitude[c], cells.latitude[c])) {
                inBox.add(c);
            }
        }
        return CoverageViews.CellCoverageConnection.of(request.page(inBox, c -> cells.cellId[c], Function.identity())
                .map(page -> page.stream().map(c -> cell(coverage, c)).toList()));
    }

    public static CoverageViews.CellCoverage cell(Coverage coverage, int c) {
        CoverageAnalysis analysis = coverage.analysis();
        CoverageData.Cells cells = coverage.cells();
        List<CoverageViews.CellLimit> limits = new ArrayList<>();
        for (int l = 0; l < coverage.settings().minutes().size(); l++) {
            double covered = analysis.covered(c, l);
            limits.add(new CoverageViews.CellLimit(coverage.settings().minutes().get(l), analysis.within(c, l),
                    round(covered), round(analysis.demand()[c] - covered)));
        }
        int nearest = analysis.nearestSite(c);
        return new CoverageViews.CellCoverage(cells.cellId[c], cells.residents[c], cells.childrenUnder3[c],
                round(analysis.demand()[c]), nearest < 0 ? null : coverage.sites().get(nearest).id(),
                coverage.minutes(analysis.nearestCost(c)), limits, round(analysis.twoStep()[c]),
                round(analysis.enhanced()[c]), cells.estimated[c]);
    }

    /** Gap areas for one of the analysis's limits, largest first: one page of them, with their outlines. */
    public static CoverageViews.GapReport gaps(Coverage coverage, int limit, boolean withCapacity, PageRequest request) {
        List<GapAreas.Gap> all = gapsOf(coverage, limit, withCapacity);
        double total = 0;
        for (GapAreas.Gap gap : all) {
            total += gap.uncovered();
        }
        Page<Integer> page = request.page(IntStream.rangeClosed(1, all.size()).boxed().toList(), rank -> rank,
                Integer::valueOf);
        List<RankedGap> drawn = page.nodes().stream().map(rank -> ranked(coverage, all.get(rank - 1), rank)).toList();
        var features = GeoJson.JSON.createArrayBuilder();
        for (RankedGap ranked : drawn) {
            CoverageViews.GapArea view = ranked.view();
            var properties = GeoJson.JSON.createObjectBuilder()
                    .add("rank", view.rank())
                    .add("areaCode", view.area() == null ? "" : view.area().code())
                    .add("areaName", view.area() == null ? "" : view.area().name())
                    .add("cells", view.cells())
                    .add("childrenUncovered", view.childrenUncovered())
                    .add("childrenUnder3", view.childrenUnder3())
                    .add("allReachable", view.allReachable());
            if (view.meanMinutesToNearest() != null) {
                properties.add("meanMinutesToNearest", view.meanMinutesToNearest());
            }
            if (view.longestMinutesToNearest() != null) {
                properties.add("longestMinutesToNearest", view.longestMinutesToNearest());
            }
            features.add(GeoJson.feature(ranked.outline(), properties.build()));
        }
        JsonObject collection = GeoJson.JSON.createObjectBuilder().add("type", "FeatureCollection")
                .add("features", features).build();
        return new CoverageViews.GapReport(coverage.settings().minutes().get(limit), withCapacity, round(total),
                CoverageViews.GapAreaConnection.of(page.map(ranks -> drawn.stream().map(RankedGap::view).toList())),
                collection);
    }

    /** A gap area as answered, with its outline. */
    public record RankedGap(CoverageViews.GapArea view, Geometry outline) {
    }

    public static RankedGap ranked(Coverage coverage, GapAreas.Gap gap, int rank) {
        CoverageData.Cells cells = coverage.cells();
        Geometry outline = GapAreas.outline(gap, cells.boundary, GeoJson.FACTORY);
        Coordinate inside = outline.getInteriorPoint().getCoordinate();
        return new RankedGap(new CoverageViews.GapArea(rank, CoverageViews.areaRef(cells.areas, gap.area()),
                gap.cells().length, round(gap.uncovered()), round(gap.childrenUnder3()),
                coverage.minutes(gap.meanCost()), coverage.minutes(gap.longestCost()),
                Double.isFinite(gap.longestCost()), GeoJson.write(GeoJson.FACTORY.createPoint(
                        new Coordinate(Decimals.round(inside.x, 6), Decimals.round(inside.y, 6))))), outline);
    }

    /**
     * Every gap area of one limit, largest first: cells with children under 3 outside it, or with
     * capacity, children wanting a place who get none within it.
     */
    public static List<GapAreas.Gap> gapsOf(Coverage coverage, int limit, boolean withCapacity) {
        CoverageAnalysis analysis = coverage.analysis();
        CoverageData.Cells cells = coverage.cells();
        double[] uncovered = new double[cells.size()];
        for (int c = 0; c < uncovered.length; c++) {
            uncovered[c] = withCapacity ? analysis.demand()[c] - analysis.covered(c, limit)
                    : analysis.within(c, limit) ? 0 : cells.childrenUnder3[c];
            // allocation sums can leave dust; a gap is at least a thousandth of a child
            uncovered[c] = uncovered[c] > 1e-3 ? uncovered[c] : 0;
        }
        // no gap wider than the limit's own walk: one a planner can close with a site or two
        double across = coverage.settings().minutes().get(limit) * coverage.settings().metresPerMinute();
        return GapAreas.find(cells.neighbours(), uncovered, cells.childrenUnder3, analysis.nearest().costs(), cells.area,
                new GapAreas.Extent(cells.latitude, cells.longitude, across));
    }

    static Double share(double part, double whole) {
        return whole > 0 ? Decimals.round(part / whole, 4) : null;
    }

    /** Figures in answers: to a thousandth (of a child, a minute, a share). */
    public static double round(double value) {
        return Decimals.round(value, 3);
    }
}
