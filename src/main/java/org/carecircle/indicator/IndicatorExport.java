package org.carecircle.indicator;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.carecircle.api.Csv;
import org.carecircle.api.Downloads;
import org.carecircle.area.AreaLevel;
import org.carecircle.coverage.CoverageExport;

import java.util.Arrays;
import java.util.List;

/** Indicators as CSV, one row per area and indicator, with the same parameters as the coverage exports. */
@Path("/export/indicators.csv")
public class IndicatorExport {
    @Inject
    IndicatorService service;

    @GET
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@QueryParam("targetSet") String targetSet, @QueryParam("level") String level,
                        @QueryParam("areaCode") String areaCode, @BeanParam CoverageExport.Parameters parameters) {
        IndicatorViews.Report report = service.indicators(targetSet, parameters.read(),
                Downloads.constant(AreaLevel.class, level, "level"), areaCode);
        Csv csv = new Csv(List.of("area_code", "area_name", "level", "indicator", "label", "value", "numerator",
                "denominator", "target", "met", "gap", "estimated", "target_set"));
        for (IndicatorViews.AreaIndicators area : report.areas()) {
            for (IndicatorViews.IndicatorView value : area.indicators()) {
                csv.row(Arrays.asList(area.area() == null ? "ALL" : area.area().code(),
                        area.area() == null ? "all areas" : area.area().name(),
                        area.area() == null ? "" : area.area().level(), value.indicator(), value.label(), value.value(),
                        value.numerator(), value.denominator(), value.target(), value.met(), value.gap(), value.estimated(),
                        report.targetSet().id()));
            }
        }
        return Downloads.attachment(csv.toString(), "indicators.csv");
    }
}
