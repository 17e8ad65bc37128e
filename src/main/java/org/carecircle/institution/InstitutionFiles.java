package org.carecircle.institution;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.carecircle.api.AskedLanguage;
import org.carecircle.api.Column;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.CsvReader;
import org.carecircle.api.Downloads;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Registers as files, for scripts with curl: upload the file as it is (its bytes, in UTF-8 unless
 * {@code charset} says otherwise), download every institution as CSV or GeoJSON.
 */
@Path("/")
public class InstitutionFiles {
    static final int MAX_BYTES = 100 * 1024 * 1024;

    @Inject
    RegisterImport registers;
    @Inject
    InstitutionService institutions;

    @POST
    @Path("import/institutions")
    @RolesAllowed("planner")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String upload(byte[] content, @QueryParam("format") String format,
                               @QueryParam("coordinates") String coordinates,
                               @QueryParam("charset") @DefaultValue("UTF-8") String charset,
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("content", "is " + content.length + " bytes, more than the " + MAX_BYTES + " allowed");
        }
        String text = CsvReader.decode(content, charset(charset), "content");
        return registers.importRegister(text, Downloads.constant(RegisterFormat.class, format, "format"),
                Downloads.constant(CoordinateSystem.class, coordinates, "coordinates"), dryRun).toJson();
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "\"" + name + "\" is not a known character set (try UTF-8 or GB18030)");
        }
    }

    @GET
    @Path("export/institutions.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@BeanParam AskedLanguage asked) {
        // in Chinese, the register's columns are named as its import reads them first
        List<Column> columns = new ArrayList<>();
        for (String name : List.of(RegisterColumns.EXTERNAL_ID, RegisterColumns.NAME, RegisterColumns.ADDRESS,
                RegisterColumns.LONGITUDE, RegisterColumns.LATITUDE)) {
            columns.add(new Column(name, RegisterColumns.ALIASES.get(name).get(0)));
        }
        columns.add(RegisterColumns.AREA_CODE);
        for (String name : List.of(RegisterColumns.OWNERSHIP, RegisterColumns.KIND, RegisterColumns.INCLUSIVE,
                RegisterColumns.REGISTERED, RegisterColumns.GRADE, RegisterColumns.DEMONSTRATION,
                RegisterColumns.OPEN_TO_PUBLIC, RegisterColumns.STATUS, RegisterColumns.SERVICE_MODES,
                RegisterColumns.INFANT_SLOTS, RegisterColumns.TODDLER_SLOTS, RegisterColumns.OLDER_TODDLER_SLOTS,
                RegisterColumns.INFANT_ENROLLED, RegisterColumns.TODDLER_ENROLLED, RegisterColumns.OLDER_TODDLER_ENROLLED,
                RegisterColumns.SOURCE)) {
            columns.add(new Column(name, RegisterColumns.ALIASES.get(name).get(0)));
        }
        columns.addAll(RegisterColumns.DERIVED.stream().filter(column -> column != RegisterColumns.AREA_CODE).toList());
        return Downloads.csv("institutions.csv", Column.names(columns, asked.language()),
                csv -> institutions.forEach(view -> {
            List<Object> row = new ArrayList<>(Arrays.<Object>asList(view.externalId(), view.name(), view.address(),
                    view.location().getJsonArray("coordinates").getJsonNumber(0).doubleValue(),
                    view.location().getJsonArray("coordinates").getJsonNumber(1).doubleValue(),
                    view.area() == null ? null : view.area().code(), view.ownership(), view.kind(), view.inclusive(),
                    view.registered(), view.grade(), view.demonstration(), view.openToPublic(), view.status(),
                    String.join(";", view.serviceModes().stream().map(Enum::name).sorted().toList())));
            for (AgeGroup age : AgeGroup.values()) {
                row.add(group(view, age) == null ? null : group(view, age).slots());
            }
            for (AgeGroup age : AgeGroup.values()) {
                row.add(group(view, age) == null ? null : group(view, age).enrolled());
            }
            row.addAll(Arrays.asList(view.source(), view.id(), view.estimated(), view.estimationMethod()));
            csv.row(row);
        }));
    }

    @GET
    @Path("export/institutions.geojson")
    @Produces("application/geo+json")
    public Response geoJson() {
        return Downloads.featureCollection("institutions.geojson", features -> institutions.forEach(view -> {
            var properties = GeoJson.JSON.createObjectBuilder()
                    .add("id", view.id()).add("name", view.name()).add("ownership", view.ownership().name())
                    .add("kind", view.kind().name()).add("inclusive", view.inclusive()).add("status", view.status().name())
                    .add("slots", view.slots()).add("enrolled", view.enrolled()).add("estimated", view.estimated());
            if (view.externalId() != null) {
                properties.add("externalId", view.externalId());
            }
            if (view.area() != null) {
                properties.add("areaCode", view.area().code());
            }
            if (view.estimationMethod() != null) {
                properties.add("estimationMethod", view.estimationMethod());
            }
            features.accept(GeoJson.JSON.createObjectBuilder().add("type", "Feature").add("geometry", view.location())
                    .add("properties", properties).build());
        }));
    }

    private static ClassGroupView group(InstitutionView view, AgeGroup age) {
        return view.classGroups().stream().filter(g -> g.ageGroup() == age).findFirst().orElse(null);
    }
}
