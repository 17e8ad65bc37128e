package org.carecircle.institution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.api.ChineseCoordinates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.carecircle.Fixtures.variables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registers in (CSV with Chinese or English columns, GeoJSON; WGS84, GCJ-02, BD-09) and out, all or nothing. */
@QuarkusTest
class RegisterImportTest {
    static final String IMPORT = """
            mutation($content: String!, $format: RegisterFormat, $coordinates: CoordinateSystem, $dryRun: Boolean) {
              importInstitutions(content: $content, format: $format, coordinates: $coordinates, dryRun: $dryRun) { report {
                dryRun records inserted updated } userErrors { field message code } } }""";
    static final String HEADER = "机构编号,机构名称,经度,纬度,性质,类型,普惠,等级,乳儿班托位,托小班托位,托大班托位,在托人数\n";

    @Inject
    TestDatabase database;

    @BeforeEach
    void prepare() {
        database.clear();
    }

    static JsonPath load(String content, String format, String coordinates, boolean dryRun) {
        return GraphQL.ok(IMPORT, variables("content", content, "format", format, "coordinates", coordinates, "dryRun", dryRun));
    }

    static String refused(String content) {
        return GraphQL.error(IMPORT, Map.of("content", content));
    }

    static JsonPath byExternalId() {
        return GraphQL.ok("{ institutions(first: 50) { nodes { externalId name location ownership kind inclusive grade "
                + "status classGroups { ageGroup slots enrolled } slots enrolled } } }");
    }

    @Test
    void aChineseRegisterInGcj02() {
        double[] gcj = ChineseCoordinates.wgs84ToGcj02(103.975, 30.765);
        String csv = HEADER + "XP-1,犀浦社区托育园," + gcj[0] + "," + gcj[1] + ",公建民营,社区托育,是,二级,10,20,30,42\n";
        JsonPath report = load(csv, null, "GCJ02", false);
        assertEquals(1, report.getInt("data.importInstitutions.report.inserted"));
        JsonPath stored = byExternalId();
        assertEquals("XP-1", stored.getString("data.institutions.nodes[0].externalId"));
        List<Float> location = stored.getList("data.institutions.nodes[0].location.coordinates", Float.class);
        // the GCJ-02 offset here is about 0.003°; JSON numbers come back as floats (7 digits)
        assertEquals(103.975, location.get(0), 2e-5);
        assertEquals(30.765, location.get(1), 2e-5);
        assertEquals("PUBLIC_BUILT_PRIVATELY_RUN", stored.getString("data.institutions.nodes[0].ownership"));
        assertEquals("COMMUNITY", stored.getString("data.institutions.nodes[0].kind"));
        assertEquals(true, stored.getBoolean("data.institutions.nodes[0].inclusive"));
        assertEquals(2, stored.getInt("data.institutions.nodes[0].grade"));
        assertEquals(60, stored.getInt("data.institutions.nodes[0].slots"));
        // 42 enrolled shared by slots 10 : 20 : 30 → 7, 14, 21
        List<String> ages = stored.getList("data.institutions.nodes[0].classGroups.ageGroup");
        List<Integer> enrolled = stored.getList("data.institutions.nodes[0].classGroups.enrolled", Integer.class);
        Map<String, Integer> byAge = new HashMap<>();
        for (int i = 0; i < ages.size(); i++) {
            byAge.put(ages.get(i), enrolled.get(i));
        }
        assertEquals(Map.of("INFANT", 7, "TODDLER", 14, "OLDER_TODDLER", 21), byAge);
    }

    @Test
    void theSameExternalIdUpdatesAndADryRunWritesNothing() {
        String first = "externalId,name,longitude,latitude,ownership,kind,toddlerSlots\nA,One,103.975,30.765,PRIVATE,STANDALONE,10\n";
        load(first, null, null, false);
        String second = "externalId,name,longitude,latitude,ownership,kind,toddlerSlots\n"
                + "A,One renamed,103.975,30.765,PRIVATE,STANDALONE,15\nB,Two,103.98,30.77,PUBLIC,COMMUNITY,20\n";
        JsonPath dry = load(second, null, null, true);
        assertEquals(List.of(true, 2, 1, 1), List.of(dry.getBoolean("data.importInstitutions.report.dryRun"),
                dry.getInt("data.importInstitutions.report.records"), dry.getInt("data.importInstitutions.report.inserted"),
                dry.getInt("data.importInstitutions.report.updated")));
        assertEquals(List.of("One"), byExternalId().getList("data.institutions.nodes.name"));
        load(second, null, null, false);
        assertEquals(List.of("One renamed", "Two"), byExternalId().getList("data.institutions.nodes.name"));
        assertEquals(List.of(15, 20), byExternalId().getList("data.institutions.nodes.slots", Integer.class));
    }

    @Test
    void aBadFileNamesEveryBadLineAndWritesNothing() {
        String csv = HEADER
                + "A,好的,103.975,30.765,公办,社区托育,是,一级,,10,,5\n"
                + "B,经度坏了,abc,30.765,公办,社区托育,是,,,10,,\n"
                + "C,纬度越界,103.975,95,公办,社区托育,是,,,10,,\n"
                + "D,在托太多,103.975,30.765,公办,社区托育,是,,,10,,12\n"
                + "A,重复编号,103.976,30.766,民办,托育机构,否,,,10,,\n"
                + "E,性质不明,103.975,30.765,集体,社区托育,是,五级,,-3,,\n";
        String message = refused(csv);
        assertTrue(message.contains("line 3 经度: \"abc\" is not a number"), message);
        assertTrue(message.contains("line 4 纬度: longitude 103.975, latitude 95.0 is not a place on Earth"), message);
        assertTrue(message.contains("line 5 在托人数: 12 enrolled is more than the 10 slots"), message);
        assertTrue(message.contains("line 6 externalId: \"A\" is also on line 2"), message);
        assertTrue(message.contains("line 7 性质: \"集体\" is not one of"), message);
        assertTrue(message.contains("line 7 等级"), message);
        assertTrue(message.contains("line 7 托小班托位"), message);
        assertEquals(0, database.count("institution"));
    }

    @Test
    void wrongHeadersEmptyFilesAndHugeLinesAreRefused() {
        String unknown = refused("机构名称,经度,纬度,性质,类型,电话\nX,103.975,30.765,公办,社区托育,123\n");
        assertTrue(unknown.contains("line 1 column 6: \"电话\" is not a known column"), unknown);
        String missing = refused("机构名称,经度,性质,类型\nX,103.975,公办,社区托育\n");
        assertTrue(missing.contains("line 1: has no latitude column"), missing);
        assertTrue(refused("").contains("content: is empty"));
        assertTrue(refused(HEADER).contains("content: holds no institutions"));
        String huge = refused(HEADER + "A," + "长".repeat(20_000) + ",103.975,30.765,公办,社区托育,是,,,10,,\n");
        assertTrue(huge.contains("content line 2: is longer than 10000 characters"), huge);
        String ragged = refused(HEADER + "A,少了,103.975\n");
        assertTrue(ragged.contains("line 2: has 3 fields where the header has 12"), ragged);
        assertEquals(0, database.count("institution"));
    }

    @Test
    void geoJsonInBaidusCoordinates() {
        double[] bd = {116.41036949371029, 39.92133699351021};
        String geoJson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]},
                   "properties": {"机构名称": "北京示例", "性质": "PUBLIC", "类型": "STANDALONE", "托大班托位": 25}}]}"""
                .formatted(bd[0], bd[1]);
        load(geoJson, "GEOJSON", "BD09", false);
        List<Float> location = byExternalId().getList("data.institutions.nodes[0].location.coordinates", Float.class);
        // BD-09 (116.41037, 39.92134) is GCJ-02 (116.404, 39.915), which is WGS84 (116.39776, 39.91360)
        double[] wgs = ChineseCoordinates.gcj02ToWgs84(116.404, 39.915);
        assertEquals(wgs[0], location.get(0), 1e-5);
        assertEquals(wgs[1], location.get(1), 1e-5);
        String noPoint = GraphQL.error(IMPORT, Map.of("content", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {"name": "x"}}]}""",
                "format", "GEOJSON"));
        assertTrue(noPoint.contains("feature 1 geometry"), noPoint);
    }

    @Test
    void filesGoUpWithCurlAndComeBackAsCsvAndGeoJson() throws Exception {
        byte[] example = Files.readAllBytes(Path.of("scripts/examples/register.csv"));
        given().auth().preemptive().basic("planner", "planner").body(example).queryParam("dryRun", true)
                .post("/import/institutions").then().statusCode(200).body("records", equalTo(4)).body("inserted", equalTo(4));
        assertEquals(0, database.count("institution"));
        given().auth().preemptive().basic("planner", "planner").body(example)
                .post("/import/institutions").then().statusCode(200).body("inserted", equalTo(4));
        // a viewer may not write
        given().auth().preemptive().basic("viewer", "viewer").body(example).post("/import/institutions").then().statusCode(403);

        // the same file saved in GB18030 (as Excel often does in China) is refused as UTF-8, read when named
        byte[] gb = new String(example, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030"));
        given().auth().preemptive().basic("planner", "planner").body(gb).post("/import/institutions")
                .then().statusCode(400).body("errors[0].field", equalTo("content")).body("errors[0].reason", containsString("UTF-8"));
        given().auth().preemptive().basic("planner", "planner").body(gb).queryParam("charset", "GB18030")
                .post("/import/institutions").then().statusCode(200).body("updated", equalTo(4));

        // what comes out goes back in, in either language: the export is a register, its Chinese columns the import's
        String exported = given().get("/export/institutions.csv").then().statusCode(200).extract().asString();
        assertTrue(exported.startsWith("\uFEFF机构编号,机构名称,地址,经度,纬度,"), exported.substring(0, 30));
        String english = given().queryParam("language", "en").get("/export/institutions.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(english.startsWith("\uFEFFexternalId,name,"), english.substring(0, 30));
        for (String register : List.of(exported, english)) {
            assertTrue(register.contains("犀浦社区托育园"));
            given().auth().preemptive().basic("planner", "planner").body(register.getBytes(StandardCharsets.UTF_8))
                    .queryParam("dryRun", true).post("/import/institutions").then().statusCode(200).body("updated", equalTo(4));
        }
        JsonPath geoJson = given().get("/export/institutions.geojson").then().statusCode(200).extract().jsonPath();
        assertEquals(4, geoJson.getList("features").size());
        assertEquals(60, geoJson.getInt("features.find { it.properties.externalId == 'XP-001' }.properties.slots"));
    }

    /** More rows than the old per-statement writing took in minutes and than one statement may name (65,535). */
    @Test
    void aCitysRegisterGoesInInOneUploadAndAgainAsUpdates() {
        int rows = 30_000;
        StringBuilder register = new StringBuilder("externalId,name,longitude,latitude,ownership,kind,serviceModes,"
                + "infantSlots,toddlerSlots,olderToddlerSlots,enrolled\n");
        for (int i = 0; i < rows; i++) {
            register.append("R-").append(i).append(",园 \"").append(i).append("\",").append(103.95 + i * 1e-6).append(",30.76,")
                    .append(i % 2 == 0 ? "PUBLIC" : "PRIVATE").append(",COMMUNITY,FULL_DAY;HOURLY,5,10,").append(i % 50).append(",7\n");
        }
        given().auth().preemptive().basic("planner", "planner").body(register.toString().getBytes(StandardCharsets.UTF_8))
                .post("/import/institutions").then().statusCode(200).body("inserted", equalTo(rows)).body("updated", equalTo(0));
        assertEquals(rows, database.count("institution"));
        // a group with no slots (i % 50 == 0) is still a group: three per institution
        assertEquals(3L * rows, database.count("class_group"));
        assertEquals(2L * rows, database.count("institution_service_mode"));

        // the same register a month later: one institution moved and grown, one closed down to two groups
        String next = register.toString()
                .replace("R-7,园 \"7\"," + (103.95 + 7e-6) + ",30.76,PRIVATE,COMMUNITY,FULL_DAY;HOURLY,5,10,7,7",
                        "R-7,园 \"7\",103.96,30.77,PRIVATE,COMMUNITY,HOURLY,5,10,40,7")
                .replace("R-8,园 \"8\"," + (103.95 + 8e-6) + ",30.76,PUBLIC,COMMUNITY,FULL_DAY;HOURLY,5,10,8,7",
                        "R-8,园 \"8\"," + (103.95 + 8e-6) + ",30.76,PUBLIC,COMMUNITY,FULL_DAY;HOURLY,,10,8,7");
        given().auth().preemptive().basic("planner", "planner").body(next.getBytes(StandardCharsets.UTF_8))
                .post("/import/institutions").then().statusCode(200).body("inserted", equalTo(0)).body("updated", equalTo(rows));
        assertEquals(rows, database.count("institution"));
        assertEquals(3L * rows - 1, database.count("class_group"));
        JsonPath moved = GraphQL.ok("{ institutions(filter: {boundingBox: {west: 103.959, south: 30.769, east: 103.961, north: 30.771}},"
                + " first: 5) { nodes { externalId name slots serviceModes location } } }");
        assertEquals(List.of("R-7"), moved.getList("data.institutions.nodes.externalId"));
        assertEquals("园 \"7\"", moved.getString("data.institutions.nodes[0].name"));
        assertEquals(55, moved.getInt("data.institutions.nodes[0].slots"));
        assertEquals(List.of("HOURLY"), moved.getList("data.institutions.nodes[0].serviceModes"));
    }
}
