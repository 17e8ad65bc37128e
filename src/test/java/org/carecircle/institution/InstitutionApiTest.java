package org.carecircle.institution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class InstitutionApiTest {
    @Inject
    TestDatabase database;

    @BeforeEach
    void empty() {
        database.clear();
    }

    @Test
    void createdInstitutionReadsBackWithEveryField() {
        Map<String, Object> input = institution("犀浦托育园", 103.97, 30.76,
                classGroup("INFANT", 10, 4), classGroup("OLDER_TODDLER", 20, 15));
        input.putAll(Map.of("address", "犀浦镇 1 号", "ownership", "PUBLIC_BUILT_PRIVATELY_RUN", "kind", "COMMUNITY",
                "inclusive", true, "registered", true, "grade", 2, "demonstration", "MUNICIPAL",
                "serviceModes", List.of("FULL_DAY", "HOURLY"), "externalId", "REG-001", "source", "test register"));
        long id = createInstitution(input);

        JsonPath read = GraphQL.ok("query($id: ID!) { institution(id: $id) { " + INSTITUTION_FIELDS + " } }",
                Map.of("id", id));
        Map<String, Object> institution = read.getMap("data.institution");
        assertEquals("犀浦托育园", institution.get("name"));
        assertEquals(Map.of("type", "Point", "coordinates", List.of(103.97f, 30.76f)), read.getMap("data.institution.location"));
        assertEquals("PUBLIC_BUILT_PRIVATELY_RUN", institution.get("ownership"));
        assertEquals("COMMUNITY", institution.get("kind"));
        assertEquals(true, institution.get("inclusive"));
        assertEquals(2, institution.get("grade"));
        assertEquals("MUNICIPAL", institution.get("demonstration"));
        assertEquals(true, institution.get("openToPublic"));
        assertEquals("OPERATING", institution.get("status"));
        assertEquals(List.of("FULL_DAY", "HOURLY"), read.getList("data.institution.serviceModes").stream().sorted().toList());
        assertEquals("REG-001", institution.get("externalId"));
        assertEquals(30, institution.get("slots"));
        assertEquals(19, institution.get("enrolled"));
        assertEquals(List.of("INFANT", "OLDER_TODDLER"), read.getList("data.institution.classGroups.ageGroup"));
        assertEquals(false, institution.get("estimated"));
        assertNull(institution.get("area"));
    }

    private static final String PAGE = """
            query($filter: InstitutionFilter, $first: Int!, $after: String) {
              institutions(filter: $filter, first: $first, after: $after) {
                totalCount pageInfo { endCursor hasNextPage } nodes { id name } } }""";

    private static JsonPath page(Map<String, Object> filter, int first, String after) {
        return GraphQL.ok(PAGE, variables("filter", filter, "first", first, "after", after));
    }

    @Test
    void boundingBoxReturnsExactlyTheInstitutionsInside() {
        // a 5 x 5 lattice, 0.01 degrees apart; the box holds columns 1..3 and rows 1..2
        Set<String> expected = new HashSet<>();
        for (int column = 0; column < 5; column++) {
            for (int row = 0; row < 5; row++) {
                String name = "lattice " + column + "," + row;
                createInstitution(institution(name, 104.0 + column * 0.01, 30.70 + row * 0.01));
                if (column >= 1 && column <= 3 && row >= 1 && row <= 2) {
                    expected.add(name);
                }
            }
        }
        JsonPath result = page(Map.of("boundingBox",
                Map.of("west", 104.005, "south", 30.705, "east", 104.035, "north", 30.725)), 100, null);
        assertEquals(expected, new HashSet<>(result.getList("data.institutions.nodes.name")));
        assertEquals(6, result.getInt("data.institutions.totalCount"));
    }

    @Test
    void pagingIsStableUnderInserts() {
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            original.add("first wave " + i);
            createInstitution(institution("first wave " + i, 104.0, 30.7));
        }
        List<String> seen = new ArrayList<>();
        JsonPath first = page(null, 3, null);
        seen.addAll(first.getList("data.institutions.nodes.name"));
        assertEquals(7, first.getInt("data.institutions.totalCount"));

        createInstitution(institution("late arrival A", 104.0, 30.7));
        createInstitution(institution("late arrival B", 104.0, 30.7));
        JsonPath second = page(null, 3, first.getString("data.institutions.pageInfo.endCursor"));
        seen.addAll(second.getList("data.institutions.nodes.name"));
        assertEquals(9, second.getInt("data.institutions.totalCount"));

        createInstitution(institution("late arrival C", 104.0, 30.7));
        String cursor = second.getString("data.institutions.pageInfo.endCursor");
        boolean more = true;
        while (more) {
            JsonPath next = page(null, 3, cursor);
            seen.addAll(next.getList("data.institutions.nodes.name"));
            cursor = next.getString("data.institutions.pageInfo.endCursor");
            more = next.getBoolean("data.institutions.pageInfo.hasNextPage");
        }
        List<String> expected = new ArrayList<>(original);
        expected.addAll(List.of("late arrival A", "late arrival B", "late arrival C"));
        assertEquals(expected, seen, "every institution exactly once, in id order");
    }

    @Test
    void filtersCombine() {
        Map<String, Object> publicInclusive = institution("public inclusive", 104.0, 30.7);
        publicInclusive.putAll(Map.of("ownership", "PUBLIC", "inclusive", true));
        Map<String, Object> publicPlanned = institution("public planned", 104.0, 30.7);
        publicPlanned.putAll(Map.of("ownership", "PUBLIC", "status", "PLANNED"));
        Map<String, Object> employer = institution("employer", 104.0, 30.7);
        employer.putAll(Map.of("kind", "EMPLOYER", "openToPublic", false));
        createInstitution(publicInclusive);
        createInstitution(publicPlanned);
        createInstitution(employer);
        createInstitution(institution("far away", 105.0, 31.0));
        createArea(area("AREA", "SUBDISTRICT", null, rectangle(103.9, 30.6, 104.1, 30.8)));

        assertEquals(List.of("public inclusive", "public planned"),
                page(Map.of("ownership", List.of("PUBLIC")), 10, null).getList("data.institutions.nodes.name"));
        assertEquals(List.of("public inclusive"),
                page(Map.of("ownership", List.of("PUBLIC"), "inclusive", true), 10, null).getList("data.institutions.nodes.name"));
        assertEquals(List.of("public planned"),
                page(Map.of("status", List.of("PLANNED", "CLOSED")), 10, null).getList("data.institutions.nodes.name"));
        assertEquals(List.of("employer"),
                page(Map.of("kind", List.of("EMPLOYER")), 10, null).getList("data.institutions.nodes.name"));
        assertEquals(List.of("public inclusive", "public planned", "employer"),
                page(Map.of("areaCode", "AREA"), 10, null).getList("data.institutions.nodes.name"));
    }

    @Test
    void updateReplacesFieldsAndClassGroups() {
        long id = createInstitution(institution("before", 104.0, 30.7,
                classGroup("INFANT", 10, 5), classGroup("TODDLER", 20, 10)));
        Map<String, Object> changed = institution("after", 104.01, 30.71,
                classGroup("TODDLER", 25, 25), classGroup("OLDER_TODDLER", 30, 3));
        changed.put("grade", 1);
        JsonPath result = GraphQL.ok("mutation($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, version: 1, input: $input) { institution { "
                + INSTITUTION_FIELDS + " } userErrors { field message code } } }", Map.of("id", id, "input", changed));
        assertEquals("after", result.getString("data.updateInstitution.institution.name"));
        assertEquals(1, result.getInt("data.updateInstitution.institution.grade"));
        assertEquals(List.of(104.01f, 30.71f), result.getList("data.updateInstitution.institution.location.coordinates"));
        assertEquals(List.of("OLDER_TODDLER", "TODDLER"),
                result.getList("data.updateInstitution.institution.classGroups.ageGroup").stream().sorted().toList());
        assertEquals(55, result.getInt("data.updateInstitution.institution.slots"));
        assertEquals(28, result.getInt("data.updateInstitution.institution.enrolled"));
        assertEquals(2, database.count("class_group"));
    }

    @Test
    void deleteRemovesTheInstitutionAndItsClassGroups() {
        long id = createInstitution(institution("doomed", 104.0, 30.7, classGroup("INFANT", 10, 5)));
        long kept = createInstitution(institution("kept", 104.0, 30.7, classGroup("INFANT", 10, 5)));
        assertEquals(true, GraphQL.ok("mutation($id: ID!) { deleteInstitution(id: $id) { deleted userErrors { field message code } } }", Map.of("id", id))
                .getBoolean("data.deleteInstitution.deleted"));
        assertNull(GraphQL.ok("query($id: ID!) { institution(id: $id) { id } }", Map.of("id", id)).get("data.institution"));
        assertEquals(1, database.count("institution"));
        assertEquals(1, database.count("class_group"));
        assertEquals(kept, GraphQL.ok("{ institutions { nodes { id } } }").getLong("data.institutions.nodes[0].id"));
    }

    @Test
    void areaIsTheSmallestCoveringOneAndFollowsChanges() {
        long id = createInstitution(institution("inside", 104.05, 30.75));
        createArea(area("D", "DISTRICT", null, rectangle(104.0, 30.7, 104.2, 30.9)));
        createArea(area("S", "SUBDISTRICT", "D", rectangle(104.0, 30.7, 104.1, 30.8)));
        String areaOf = "query($id: ID!) { institution(id: $id) { area { code } } }";
        assertEquals("S", GraphQL.ok(areaOf, Map.of("id", id)).getString("data.institution.area.code"));

        Map<String, Object> moved = institution("inside", 104.15, 30.85);
        GraphQL.ok("mutation($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, version: 1, input: $input) { institution { id } userErrors { field message code } } }",
                Map.of("id", id, "input", moved));
        assertEquals("D", GraphQL.ok(areaOf, Map.of("id", id)).getString("data.institution.area.code"));

        Map<String, Object> grown = area("S", "SUBDISTRICT", "D", rectangle(104.0, 30.7, 104.2, 30.9));
        GraphQL.ok("mutation($input: AreaInput!) { updateArea(code: \"S\", version: 1, input: $input) { area { code } userErrors { field message code } } }", input(grown));
        assertEquals("S", GraphQL.ok(areaOf, Map.of("id", id)).getString("data.institution.area.code"));
    }

    // ---- every validation rule refuses and writes nothing

    private void refusedCreate(Map<String, Object> input, String expectedMessagePart) {
        String message = GraphQL.error(CREATE_INSTITUTION, input(input));
        assertTrue(message.contains(expectedMessagePart), () -> "message was: " + message);
        assertEquals(0, database.count("institution"));
        assertEquals(0, database.count("class_group"));
    }

    @Test
    void latitudeOutOfRangeIsRefused() {
        refusedCreate(institution("x", 104.0, 95.0), "input.location: coordinates: longitude 104.0, latitude 95.0 is not a place on Earth (-180..180, -90..90)");
    }

    @Test
    void longitudeOutOfRangeIsRefused() {
        refusedCreate(institution("x", -181.0, 30.0), "input.location: coordinates: longitude -181.0, latitude 30.0 is not a place on Earth (-180..180, -90..90)");
    }

    @Test
    void locationMustBeAPoint() {
        Map<String, Object> input = institution("x", 104.0, 30.0);
        input.put("location", rectangle(104.0, 30.0, 104.1, 30.1));
        refusedCreate(input, "input.location: must be a GeoJSON Point, not a Polygon");
    }

    @Test
    void unknownEnumIsRefused() {
        Map<String, Object> input = institution("x", 104.0, 30.0);
        input.put("ownership", "STATE_OWNED");
        // through variables graphql-java names the variable and the field's enum type
        String message = GraphQL.error(CREATE_INSTITUTION, input(input));
        assertTrue(message.contains("'input'") && message.contains("enum 'Ownership'") && message.contains("STATE_OWNED"), message);
        // written inline, it names the field's path
        String inline = GraphQL.error("mutation { createInstitution(input: {name: \"x\", ownership: STATE_OWNED, kind: COMMUNITY, "
                + "location: {type: \"Point\", coordinates: [104, 30]}}) { institution { id } userErrors { field message code } } }", null);
        assertTrue(inline.contains("argument 'input.ownership'") && inline.contains("STATE_OWNED"), inline);
        assertEquals(0, database.count("institution"));
    }

    @Test
    void negativeSlotsAreRefused() {
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", -5, 0)),
                "input.classGroups[0].slots: must be a number from 0 to 100,000 (got -5)");
    }

    /** A register caps a group at 100,000; GraphQL once let 2,147,483,647 slots through. */
    @Test
    void implausibleSlotsAreRefused() {
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", 100_001, 0)),
                "input.classGroups[0].slots: must be a number from 0 to 100,000 (got 100001)");
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", Integer.MAX_VALUE, 0)),
                "input.classGroups[0].slots: must be a number from 0 to 100,000 (got 2147483647)");
    }

    @Test
    void negativeEnrolledIsRefused() {
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", 5, -1)),
                "input.classGroups[0].enrolled: must be a number from 0 to 100,000 (got -1)");
    }

    @Test
    void enrolledAboveSlotsIsRefused() {
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", 10, 5), classGroup("TODDLER", 20, 30)),
                "input.classGroups[1].enrolled: 30 enrolled is more than the group's 20 slots");
    }

    @Test
    void repeatedAgeGroupIsRefused() {
        refusedCreate(institution("x", 104.0, 30.0, classGroup("INFANT", 10, 5), classGroup("INFANT", 20, 3)),
                "input.classGroups[1].ageGroup: INFANT appears more than once");
    }

    @Test
    void gradeOutsideOneToThreeIsRefused() {
        Map<String, Object> input = institution("x", 104.0, 30.0);
        input.put("grade", 4);
        refusedCreate(input, "input.grade: must be 1, 2 or 3");
    }

    @Test
    void emptyNameIsRefused() {
        refusedCreate(institution("  ", 104.0, 30.0), "input.name: must not be empty");
    }

    @Test
    void estimateWithoutMethodIsRefused() {
        Map<String, Object> input = institution("x", 104.0, 30.0);
        input.put("estimated", true);
        refusedCreate(input, "input.estimationMethod: must describe how the estimate was made");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Map<String, Object> input = institution("", 104.0, 95.0, classGroup("INFANT", 10, 11));
        String message = GraphQL.error(CREATE_INSTITUTION, input(input));
        assertTrue(message.contains("input.name") && message.contains("input.location")
                && message.contains("input.classGroups[0].enrolled"), message);
        assertEquals(0, database.count("institution"));
    }

    @Test
    void duplicateExternalIdIsRefused() {
        Map<String, Object> first = institution("first", 104.0, 30.0);
        first.put("externalId", "REG-7");
        long id = createInstitution(first);
        Map<String, Object> second = institution("second", 104.0, 30.0);
        second.put("externalId", "REG-7");
        String message = GraphQL.error(CREATE_INSTITUTION, input(second));
        assertEquals("input.externalId: \"REG-7\" is already used by institution " + id, message);
        assertEquals(1, database.count("institution"));
    }

    @Test
    void invalidUpdateChangesNothing() {
        long id = createInstitution(institution("original", 104.0, 30.0, classGroup("INFANT", 10, 5)));
        String message = GraphQL.error("mutation($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, version: 1, input: $input) { institution { id } userErrors { field message code } } }",
                Map.of("id", id, "input", institution("changed", 104.0, 30.0, classGroup("INFANT", 10, 50))));
        assertTrue(message.contains("input.classGroups[0].enrolled"), message);
        JsonPath read = GraphQL.ok("query($id: ID!) { institution(id: $id) { name enrolled } }", Map.of("id", id));
        assertEquals("original", read.getString("data.institution.name"));
        assertEquals(5, read.getInt("data.institution.enrolled"));
    }

    @Test
    void unknownIdsAreNamed() {
        assertEquals("id: institution 999 does not exist",
                GraphQL.error("mutation { updateInstitution(id: 999, version: 1, input: {name: \"x\", ownership: PUBLIC, kind: COMMUNITY, "
                        + "location: {type: \"Point\", coordinates: [104, 30]}}) { institution { id } userErrors { field message code } } }", null));
        assertEquals("id: institution 999 does not exist", GraphQL.error("mutation { deleteInstitution(id: 999) { deleted userErrors { field message code } } }", null));
    }

    @Test
    void pageSizeOutsideLimitsIsRefused() {
        assertEquals("first: must be between 1 and 500 (got 501)", GraphQL.error("{ institutions(first: 501) { totalCount } }", null));
        assertEquals("first: must be between 1 and 500 (got 0)", GraphQL.error("{ institutions(first: 0) { totalCount } }", null));
    }

    @Test
    void foreignCursorIsRefused() {
        assertEquals("after: is not a cursor this API returned",
                GraphQL.error("{ institutions(after: \"bm9wZQ\") { totalCount } }", null));
    }

    @Test
    void emptyBoundingBoxIsRefused() {
        assertEquals("filter.boundingBox: is empty: east (104.0) must be greater than west (104.0)",
                GraphQL.error("{ institutions(filter: {boundingBox: {west: 104, south: 30, east: 104, north: 30.1}}) { totalCount } }", null));
    }

    @Test
    void hugeBoundingBoxIsRefused() {
        assertEquals("filter.boundingBox: is too large: at most 1.0 degrees on each side (got 10.0 x 0.5)",
                GraphQL.error("{ institutions(filter: {boundingBox: {west: 100, south: 30, east: 110, north: 30.5}}) { totalCount } }", null));
    }

    @Test
    void boundingBoxOutOfRangeIsRefused() {
        assertEquals("filter.boundingBox.north: latitude 91.0 is outside -90..90",
                GraphQL.error("{ institutions(filter: {boundingBox: {west: 100, south: 89.5, east: 100.5, north: 91}}) { totalCount } }", null));
    }

    @Test
    void unknownAreaCodeInFilterIsRefused() {
        assertEquals("filter.areaCode: area \"NOWHERE\" does not exist",
                GraphQL.error("{ institutions(filter: {areaCode: \"NOWHERE\"}) { totalCount } }", null));
    }
}
