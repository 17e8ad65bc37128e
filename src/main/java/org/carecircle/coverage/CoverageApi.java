package org.carecircle.coverage;

import jakarta.inject.Inject;
import org.carecircle.api.ApiLimits;
import org.carecircle.api.BoundingBox;
import org.carecircle.api.HeavyWork;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Paging;
import org.carecircle.api.Violations;
import org.carecircle.area.AreaLevel;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

@GraphQLApi
public class CoverageApi {
    @Inject
    HeavyWork heavyWork;
    @Inject
    CoverageService service;
    @Inject
    ApiLimits limits;
    @Inject
    Paging paging;

    @Query
    @Description("Who can walk to childcare within each limit, without and with capacity: overall, per area (of the "
            + "given level, or all) and per institution. Walking times come from one multi-source search over the "
            + "network; results are cached until institutions, population, areas or the network change.")
    public @NonNull CompletionStage<CoverageViews.Report> coverage(CoverageParameters parameters, AreaLevel level) {
        return heavyWork.offloaded(() -> CoverageReports.report(service.coverage(parameters), level));
    }

    @Query
    @Description("Per population cell in the box (by its centre): nearest institution and minutes, each limit's "
            + "coverage with capacity, and the floating-catchment scores.")
    public @NonNull CompletionStage<CoverageViews.CellCoverageConnection> coverageCells(
            CoverageParameters parameters, @NonNull BoundingBox boundingBox, @Description(Paging.FIRST) Integer first,
            @Description(Paging.AFTER) String after, @Description(Paging.LAST) Integer last,
            @Description(Paging.BEFORE) String before) {
        PageRequest request = paging.request(first, after, last, before);
        return heavyWork.offloaded(() -> {
            Violations violations = new Violations();
            service.settings(parameters, violations);
            boundingBox.validate("boundingBox", limits.maxBoundingBoxDegrees(), violations);
            violations.throwIfAny();
            return CoverageReports.cells(service.coverage(parameters), boundingBox.toPolygon().getEnvelopeInternal(),
                    request);
        });
    }

    @Query
    @Description("Gap areas: neighbouring cells with uncovered children merged and ranked by children affected. "
            + "minutes must be one of the parameters' limits (default the longest); withCapacity counts children "
            + "wanting a place who get none instead of children outside the limit.")
    public @NonNull CompletionStage<CoverageViews.GapReport> gapAreas(CoverageParameters parameters, Double minutes,
                                                                      Boolean withCapacity,
                                                                      @Description(Paging.FIRST) Integer first,
                                                                      @Description(Paging.AFTER) String after,
                                                                      @Description(Paging.LAST) Integer last,
                                                                      @Description(Paging.BEFORE) String before) {
        PageRequest request = paging.request(first, after, last, before);
        return heavyWork.offloaded(() -> service.gaps(parameters, minutes, withCapacity, request));
    }

    @Description("One entry per area (of the requested level, or all), in code order, a page at a time")
    public @NonNull CoverageViews.AreaCoverageConnection areas(@Source CoverageViews.Report report,
                                                               @Description(Paging.FIRST) Integer first,
                                                               @Description(Paging.AFTER) String after,
                                                               @Description(Paging.LAST) Integer last,
                                                               @Description(Paging.BEFORE) String before) {
        return CoverageViews.AreaCoverageConnection.of(paging.request(first, after, last, before)
                .page(report.areas(), area -> area.area().code(), Function.identity()));
    }

    @Description("One entry per counted institution, in id order, a page at a time")
    public @NonNull CoverageViews.InstitutionCoverageConnection institutions(@Source CoverageViews.Report report,
                                                                             @Description(Paging.FIRST) Integer first,
                                                                             @Description(Paging.AFTER) String after,
                                                                             @Description(Paging.LAST) Integer last,
                                                                             @Description(Paging.BEFORE) String before) {
        return CoverageViews.InstitutionCoverageConnection.of(paging.request(first, after, last, before)
                .page(report.institutions(), CoverageViews.InstitutionCoverage::id, Long::valueOf));
    }
}
