package org.carecircle.coverage;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.carecircle.api.Downloads;
import org.carecircle.api.GeoJson;
import org.carecircle.area.AreaLevel;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Coverage as files a script can download and QGIS can open: the same analysis and parameters as
 * the GraphQL queries, given as query parameters (minutes may repeat).
 */
@Path("/export/coverage")
public class CoverageExport {
    @Inject
    CoverageService service;

    /** Query parameters of every export, read into the GraphQL input so both check them the same way. */
    public static class Parameters {
        @QueryParam("minutes")
        List<Double> minutes;
        @QueryParam("speedKmh")
        Double speedKmh;
        @QueryParam("profile")
        String profile;
        @QueryParam("takeUpRate")
        Double takeUpRate;
        @QueryParam("capacity")
        String capacity;
        @QueryParam("status")
        String status;
        @QueryParam("inclusiveOnly")
        Boolean inclusiveOnly;
        @QueryParam("publicOnly")
        Boolean publicOnly;
        @QueryParam("includeStaffOnly")
        Boolean includeStaffOnly;
        @QueryParam("scenario")
        String scenario;

        public CoverageParameters read() {
            return new CoverageParameters(minutes == null || minutes.isEmpty() ? null : minutes, speedKmh,
                    Downloads.constant(WalkingProfile.class, profile, "profile"), takeUpRate,
                    Downloads.constant(CapacityMode.class, capacity, "capacity"),
                    new InstitutionSelection(Downloads.constant(InstitutionStatus.class, status, "status"), inclusiveOnly, publicOnly,
                            includeStaffOnly), scenario);
        }
    }

    @GET
    @Path("cells.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response cellsCsv(@BeanParam Parameters parameters) {
        Coverage coverage = service.coverage(parameters.read());
        List<String> header = new ArrayList<>(List.of("cell_id", "longitude", "latitude", "residents", "children_under3",
                "children_wanting_place", "nearest_institution_id", "minutes_to_nearest"));
        for (double minutes : coverage.settings().minutes()) {
            String limit = Coverage.limitKey(minutes);
            header.addAll(List.of("within_" + limit, "covered_" + limit, "uncovered_" + limit));
        }
        header.addAll(List.of("two_step_score", "enhanced_score", "estimated"));
        CoverageData.Cells cells = coverage.cells();
        return Downloads.csv("coverage-cells.csv", header, csv -> {
            for (int c = 0; c < cells.size(); c++) {
                CoverageViews.CellCoverage cell = CoverageReports.cell(coverage, c);
                List<Object> row = new ArrayList<>(List.of(cell.cellId(), cells.longitude[c], cells.latitude[c],
                        cell.residents(), cell.childrenUnder3(), cell.childrenWantingPlace()));
                row.add(cell.nearestInstitutionId());
                row.add(cell.minutesToNearest());
                for (CoverageViews.CellLimit limit : cell.limits()) {
                    row.addAll(List.of(limit.within(), limit.childrenWantingPlaceCovered(), limit.childrenWantingPlaceUncovered()));
                }
                row.addAll(List.of(cell.twoStepScore(), cell.enhancedScore(), cell.estimated()));
                csv.row(row);
            }
        });
    }

    @GET
    @Path("areas.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response areasCsv(@BeanParam Parameters parameters, @QueryParam("level") String level) {
        Coverage coverage = service.coverage(parameters.read());
        CoverageViews.Report report = CoverageReports.report(coverage, Downloads.constant(AreaLevel.class, level, "level"));
        List<String> header = new ArrayList<>(List.of("area_code", "area_name", "level", "residents", "children_under3",
                "children_wanting_place", "two_step_score", "enhanced_score"));
        for (double minutes : coverage.settings().minutes()) {
            String limit = Coverage.limitKey(minutes);
            header.addAll(List.of("children_within_" + limit, "children_within_share_" + limit, "covered_" + limit,
                    "uncovered_" + limit, "covered_share_" + limit));
        }
        List<CoverageViews.AreaCoverage> rows = new ArrayList<>(report.areas());
        rows.add(report.overall());
        return Downloads.csv("coverage-areas.csv", header, csv -> {
            for (CoverageViews.AreaCoverage area : rows) {
                List<Object> row = new ArrayList<>();
                row.add(area.area() == null ? "ALL" : area.area().code());
                row.add(area.area() == null ? "all cells" : area.area().name());
                row.add(area.area() == null ? "" : area.area().level());
                row.addAll(List.of(area.residents(), area.childrenUnder3(), area.childrenWantingPlace()));
                row.add(area.twoStepScore());
                row.add(area.enhancedScore());
                for (CoverageViews.LimitCoverage limit : area.limits()) {
                    row.add(limit.childrenWithin());
                    row.add(limit.childrenWithinShare());
                    row.add(limit.childrenWantingPlaceCovered());
                    row.add(limit.childrenWantingPlaceUncovered());
                    row.add(limit.childrenWantingPlaceCoveredShare());
                }
                csv.row(row);
            }
        });
    }

    @GET
    @Path("cells.geojson")
    @Produces("application/geo+json")
    public Response cellsGeoJson(@BeanParam Parameters parameters) {
        Coverage coverage = service.coverage(parameters.read());
        CoverageData.Cells cells = coverage.cells();
        return Downloads.featureCollection("coverage-cells.geojson", features -> {
            for (int c = 0; c < cells.size(); c++) {
                CoverageViews.CellCoverage cell = CoverageReports.cell(coverage, c);
                var properties = GeoJson.JSON.createObjectBuilder()
                        .add("cellId", cell.cellId())
                        .add("childrenUnder3", cell.childrenUnder3())
                        .add("childrenWantingPlace", cell.childrenWantingPlace())
                        .add("twoStepScore", cell.twoStepScore())
                        .add("enhancedScore", cell.enhancedScore())
                        .add("estimated", cell.estimated());
                if (cell.nearestInstitutionId() != null) {
                    properties.add("nearestInstitutionId", cell.nearestInstitutionId())
                            .add("minutesToNearest", cell.minutesToNearest());
                }
                for (CoverageViews.CellLimit limit : cell.limits()) {
                    String suffix = Coverage.limitKey(limit.minutes());
                    properties.add("within_" + suffix, limit.within())
                            .add("uncovered_" + suffix, limit.childrenWantingPlaceUncovered());
                }
                features.accept(GeoJson.feature(cells.boundary[c], properties.build()));
            }
        });
    }

    @GET
    @Path("gaps.geojson")
    @Produces("application/geo+json")
    public Response gapsGeoJson(@BeanParam Parameters parameters, @QueryParam("gapMinutes") Double minutes,
                                @QueryParam("withCapacity") Boolean withCapacity, @QueryParam("first") Integer first) {
        CoverageViews.GapReport report = service.gaps(parameters.read(), minutes, withCapacity, first);
        return Downloads.attachment(report.featureCollection().toString(), "coverage-gaps.geojson");
    }

}
