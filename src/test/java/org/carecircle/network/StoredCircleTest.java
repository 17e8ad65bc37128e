package org.carecircle.network;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.carecircle.api.GeoJson;
import org.carecircle.institution.OsmChildcareReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

import java.util.List;
import java.util.Map;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class StoredCircleTest {
    private static final String CIRCLES = "query($id: ID!) { institution(id: $id) { serviceCircles } }";

    @Inject
    TestDatabase database;
    @Inject
    NetworkService networks;
    @Inject
    StoredCircleService storedCircles;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void prepare() {
        database.clear();
        networks.awaitLoaded();
    }

    @Transactional
    long stored(long institutionId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM institution_service_circle WHERE institution_id = :id AND network_checksum = :checksum")
                .setParameter("id", institutionId).setParameter("checksum", networks.require().checksum())
                .getSingleResult()).longValue();
    }

    @Transactional
    void markStale() {
        entityManager.createNativeQuery("UPDATE institution_service_circle SET network_checksum = 'an older import'").executeUpdate();
    }

    @Test
    void circlesAreStoredOnCreateAndRedrawnWhenMoved() {
        List<OsmChildcareReader.Place> kindergartens = OsmChildcareReader.read(ServiceCircleApiTest.XIPU);
        OsmChildcareReader.Place first = kindergartens.get(0), second = kindergartens.get(3);
        long id = createInstitution(institution("moving", first.longitude(), first.latitude()));
        storedCircles.awaitDrawn();
        assertEquals(2, stored(id), "5 and 15 minutes stored once drawn after the creation");

        JsonPath read = GraphQL.ok(CIRCLES, Map.of("id", id));
        assertEquals(List.of(5.0f, 15.0f), read.getList("data.institution.serviceCircles.features.properties.limit"));
        MultiPolygon fifteen = ServiceCircleApiTest.geometry(read, "data.institution.serviceCircles.features[1].geometry");
        JsonPath direct = GraphQL.ok("query($id: ID!) { serviceCircle(origin: {institutionId: $id}, minutes: [15]) }", Map.of("id", id));
        assertTrue(fifteen.equalsTopo(ServiceCircleApiTest.geometry(direct, "data.serviceCircle.features[0].geometry")),
                "the stored circle is the one the query draws");

        GraphQL.ok("mutation($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, version: 1, input: $input) { institution { id } userErrors { field message code } } }",
                Map.of("id", id, "input", institution("moving", second.longitude(), second.latitude())));
        storedCircles.awaitDrawn();
        assertEquals(2, stored(id));
        MultiPolygon moved = ServiceCircleApiTest.geometry(GraphQL.ok(CIRCLES, Map.of("id", id)),
                "data.institution.serviceCircles.features[0].geometry");
        assertTrue(moved.contains(GeoJson.FACTORY.createPoint(new Coordinate(second.longitude(), second.latitude()))));
        assertFalse(moved.equalsTopo(ServiceCircleApiTest.geometry(read, "data.institution.serviceCircles.features[0].geometry")));
    }

    @Test
    void aNewImportReplacesEveryStaleCircle() {
        List<OsmChildcareReader.Place> kindergartens = OsmChildcareReader.read(ServiceCircleApiTest.XIPU);
        long a = createInstitution(institution("a", kindergartens.get(1).longitude(), kindergartens.get(1).latitude()));
        long b = createInstitution(institution("b", kindergartens.get(2).longitude(), kindergartens.get(2).latitude()));
        markStale();
        assertEquals(0, stored(a));
        storedCircles.networkLoaded(new NetworkLoaded(networks.require()));
        storedCircles.awaitDrawn();
        assertEquals(2, stored(a));
        assertEquals(2, stored(b));
        assertEquals(4, database.count("institution_service_circle"));
    }

    @Test
    void aRegisterIsAnsweredAtOnceAndItsCirclesFollow() {
        List<OsmChildcareReader.Place> kindergartens = OsmChildcareReader.read(ServiceCircleApiTest.XIPU);
        StringBuilder csv = new StringBuilder("externalId,name,longitude,latitude,ownership,kind,inclusive,registered,status,olderToddlerSlots\n");
        for (int i = 0; i < kindergartens.size(); i++) {
            csv.append("K").append(i).append(",k").append(i).append(',').append(kindergartens.get(i).longitude()).append(',')
                    .append(kindergartens.get(i).latitude()).append(",PUBLIC,COMMUNITY,true,true,OPERATING,20\n");
        }
        GraphQL.ok("mutation($c: String!) { importInstitutions(content: $c) { report { inserted } userErrors { field message code } } }", Map.of("c", csv.toString()));
        storedCircles.awaitDrawn();
        assertEquals(2L * kindergartens.size(), database.count("institution_service_circle"));
        JsonPath pending = GraphQL.ok("{ serviceCirclesPending { count institutionIds } }");
        assertEquals(0, pending.getInt("data.serviceCirclesPending.count"));
        assertEquals(List.of(), pending.getList("data.serviceCirclesPending.institutionIds"));
        assertTrue(GraphQL.error("{ serviceCirclesPending(first: 5000) { count } }", null).startsWith("first: must be from 0 to 1000"));
    }

    @Test
    void institutionFarFromTheNetworkHasNoCircles() {
        long id = createInstitution(institution("in the fields", 104.2, 30.9));
        JsonPath read = GraphQL.ok(CIRCLES, Map.of("id", id));
        assertEquals(List.of(), read.getList("data.institution.serviceCircles.features"));
        assertTrue(read.getBoolean("data.institution.serviceCircles.properties.offNetwork"));
    }
}
