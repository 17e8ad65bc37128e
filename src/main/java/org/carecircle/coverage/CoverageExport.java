package org.carecircle.coverage;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.carecircle.api.AskedLanguage;
import org.carecircle.api.Column;
import org.carecircle.api.Downloads;
import org.carecircle.api.GeoJson;
import org.carecircle.api.Language;
import org.carecircle.api.PageRequest;
import org.carecircle.api.Violations;
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
    public Response cellsCsv(@BeanParam Parameters parameters, @BeanParam AskedLanguage asked) {
        Coverage coverage = service.coverage(parameters.read());
        List<Column> columns = new ArrayList<>(List.of(new Column("cellId", "网格编号"), new Column("longitude", "经度"),
                new Column("latitude", "纬度"), new Column("residents", "常住人口"), new Column("childrenUnder3", "3岁以下儿童"),
                new Column("childrenWantingPlace", "有入托需求儿童"), new Column("nearestInstitutionId", "最近机构编号"),
                new Column("minutesToNearest", "到最近机构步行分钟")));
        for (double minutes : coverage.settings().minutes()) {
            String limit = Coverage.limitKey(minutes);
            columns.addAll(List.of(new Column("within" + limit, limit + "分钟内可达"),
                    new Column("childrenWantingPlaceCovered" + limit, limit + "分钟内获得托位"),
                    new Column("childrenWantingPlaceUncovered" + limit, limit + "分钟内未获托位")));
        }
        columns.addAll(List.of(new Column("twoStepScore", "两步移动搜索法得分"), new Column("enhancedScore", "增强两步移动搜索法得分"),
                new Column("estimated", "估算")));
        CoverageData.Cells cells = coverage.cells();
        return Downloads.csv("coverage-cells.csv", Column.names(columns, asked.language()), csv -> {
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
    public Response areasCsv(@BeanParam Parameters parameters, @QueryParam("level") String level,
                             @BeanParam AskedLanguage asked) {
        Language words = asked.language();
        Coverage coverage = service.coverage(parameters.read());
        CoverageViews.Report report = CoverageReports.report(coverage, Downloads.constant(AreaLevel.class, level, "level"));
        List<Column> columns = new ArrayList<>(List.of(new Column("areaCode", "代码"), new Column("areaName", "名称"),
                new Column("level", "级别"), new Column("residents", "常住人口"), new Column("childrenUnder3", "3岁以下儿童"),
                new Column("childrenWantingPlace", "有入托需求儿童"), new Column("twoStepScore", "两步移动搜索法得分"),
                new Column("enhancedScore", "增强两步移动搜索法得分")));
        for (double minutes : coverage.settings().minutes()) {
            String limit = Coverage.limitKey(minutes);
            columns.addAll(List.of(new Column("childrenWithin" + limit, limit + "分钟内儿童"),
                    new Column("childrenWithinShare" + limit, limit + "分钟内儿童占比"),
                    new Column("childrenWantingPlaceCovered" + limit, limit + "分钟内获得托位"),
                    new Column("childrenWantingPlaceUncovered" + limit, limit + "分钟内未获托位"),
                    new Column("childrenWantingPlaceCoveredShare" + limit, limit + "分钟内获得托位占比")));
        }
        List<CoverageViews.AreaCoverage> rows = new ArrayList<>(report.areas());
        rows.add(report.overall());
        return Downloads.csv("coverage-areas.csv", Column.names(columns, words), csv -> {
            for (CoverageViews.AreaCoverage area : rows) {
                List<Object> row = new ArrayList<>();
                row.add(area.area() == null ? "ALL" : area.area().code());
                row.add(area.area() == null ? words.pick("全部网格", "all cells") : area.area().name());
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
                    properties.add("within" + suffix, limit.within())
                            .add("childrenWantingPlaceUncovered" + suffix, limit.childrenWantingPlaceUncovered());
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
        // a download holds every gap area unless asked for the largest few
        Violations violations = new Violations();
        PageRequest request = PageRequest.of(first, null, null, null, Integer.MAX_VALUE, Integer.MAX_VALUE, violations);
        violations.throwIfAny();
        CoverageViews.GapReport report = service.gaps(parameters.read(), minutes, withCapacity, request);
        return Downloads.attachment(report.featureCollection().toString(), "coverage-gaps.geojson");
    }

}
