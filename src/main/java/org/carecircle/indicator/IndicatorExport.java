package org.carecircle.indicator;

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
import org.carecircle.area.AreaLevel;
import org.carecircle.area.AreaService;
import org.carecircle.coverage.CoverageExport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Indicators as CSV (a row per area and indicator) and GeoJSON (a feature per area), with the coverage exports' parameters. */
@Path("/")
public class IndicatorExport {
    @Inject
    IndicatorService service;
    @Inject
    AreaService areas;

    @GET
    @Path("export/indicators.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@QueryParam("targetSet") String targetSet, @QueryParam("level") String level,
                        @QueryParam("areaCode") String areaCode, @BeanParam CoverageExport.Parameters parameters,
                        @BeanParam AskedLanguage asked) {
        Language words = asked.language();
        IndicatorViews.Report report = report(targetSet, level, areaCode, parameters);
        return Downloads.csv("indicators.csv", Column.names(List.of(new Column("areaCode", "代码"),
                new Column("areaName", "名称"), new Column("level", "级别"), new Column("indicator", "指标代码"),
                new Column("label", "指标"), new Column("value", "数值"), new Column("numerator", "分子"),
                new Column("denominator", "分母"), new Column("target", "目标"), new Column("met", "达标"),
                new Column("gap", "差距"), new Column("estimated", "估算"), new Column("targetSet", "目标集")), words), csv -> {
            for (IndicatorViews.AreaIndicators area : report.areas()) {
                for (IndicatorViews.IndicatorView value : area.indicators()) {
                    csv.row(Arrays.asList(area.area() == null ? "ALL" : area.area().code(),
                            area.area() == null ? words.pick("全部区域", "all areas") : area.area().name(),
                            area.area() == null ? "" : area.area().level(), value.indicator(),
                            IndicatorWords.name(value.indicator(), words), value.value(), value.numerator(),
                            value.denominator(), value.target(), value.met(),
                            value.gap() == null ? null : value.gap().text(words), value.estimated(), report.targetSet().id()));
                }
            }
        });
    }

    /** One feature per area, its boundary with each indicator's value, target, met and gap as properties. */
    @GET
    @Path("export/indicators.geojson")
    @Produces("application/geo+json")
    public Response geoJson(@QueryParam("targetSet") String targetSet, @QueryParam("level") String level,
                            @QueryParam("areaCode") String areaCode, @BeanParam CoverageExport.Parameters parameters,
                            @BeanParam AskedLanguage asked) {
        Language words = asked.language();
        IndicatorViews.Report report = report(targetSet, level, areaCode, parameters);
        return Downloads.featureCollection("indicators.geojson", features -> {
            for (IndicatorViews.AreaIndicators area : report.areas()) {
                if (area.area() == null) {
                    continue;
                }
                var properties = GeoJson.JSON.createObjectBuilder().add("areaCode", area.area().code())
                        .add("areaName", area.area().name()).add("level", area.area().level().name())
                        .add("targetSet", report.targetSet().id().name()).add("residents", area.residents())
                        .add("residentsEstimated", area.residentsEstimated());
                for (IndicatorViews.IndicatorView value : area.indicators()) {
                    String key = camelCase(value.indicator().name());
                    if (value.value() != null) {
                        properties.add(key, value.value());
                    }
                    if (value.target() != null) {
                        properties.add(key + "Target", value.target());
                    }
                    if (value.met() != null) {
                        properties.add(key + "Met", value.met());
                    }
                    if (value.gap() != null) {
                        properties.add(key + "Gap", value.gap().text(words));
                    }
                }
                features.accept(GeoJson.JSON.createObjectBuilder().add("type", "Feature")
                        .add("geometry", areas.find(area.area().code()).boundary()).add("properties", properties).build());
            }
        });
    }

    private IndicatorViews.Report report(String targetSet, String level, String areaCode, CoverageExport.Parameters parameters) {
        return service.indicators(targetSet, parameters.read(), Downloads.constant(AreaLevel.class, level, "level"), areaCode);
    }

    /** SLOTS_PER_THOUSAND_RESIDENTS as a property name of the exports' one convention: slotsPerThousandResidents. */
    static String camelCase(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
