package org.carecircle.network;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import org.carecircle.api.Background;
import org.carecircle.api.GeoJson;
import org.carecircle.engine.network.CircleLimits;
import org.carecircle.engine.network.CostKind;
import org.carecircle.engine.network.NetworkLoader;
import org.carecircle.engine.network.NetworkPoint;
import org.carecircle.engine.network.ServiceCircles;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionService;
import org.carecircle.institution.InstitutionsLocated;
import org.jboss.logging.Logger;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every institution's stored service circles (5 and 15 minutes on foot at the default speed):
 * drawn in the background for all institutions after the network loads (a new import makes old ones
 * stale), again after an institution is created or moved (once its transaction commits, so a
 * register of thousands is answered at once), and on demand if still missing when asked for.
 */
@ApplicationScoped
public class StoredCircleService {
    private static final Logger LOG = Logger.getLogger(StoredCircleService.class);

    @Inject
    EntityManager entityManager;
    @Inject
    NetworkService networks;
    @Inject
    NetworkSettings settings;
    @Inject
    InstitutionService institutions;
    @Inject
    ServiceCircleService circles;

    /** Circles are drawn one institution after another, off the request that asked for them. */
    private final ExecutorService drawer = Background.worker("service-circles");
    private final Set<Long> pending = new ConcurrentSkipListSet<>();
    private final AtomicInteger drawnSinceIdle = new AtomicInteger();
    /** Raised by {@link #dropQueued()}: work queued before it stops. */
    private final AtomicInteger generation = new AtomicInteger();

    void stop(@Observes ShutdownEvent stop) {
        drawer.shutdownNow();
    }

    void networkLoaded(@Observes NetworkLoaded loaded) {
        String checksum = loaded.network().checksum();
        List<Long> missing = QuarkusTransaction.requiringNew().call(() -> {
            int stale = entityManager.createNativeQuery("DELETE FROM institution_service_circle WHERE network_checksum <> :checksum")
                    .setParameter("checksum", checksum).executeUpdate();
            if (stale > 0) {
                LOG.infof("service circles: %d drawn on an older network removed", stale);
            }
            return missingFor(checksum);
        });
        queue(loaded.network(), missing);
    }

    /** After the commit: the request is answered at once; the circles follow (see {@link #pending()}). */
    void institutionLocated(@Observes(during = TransactionPhase.AFTER_SUCCESS) InstitutionsLocated located) {
        if (networks.loaded() && !located.institutionIds().isEmpty()) {
            queue(networks.require(), located.institutionIds());
        }
    }

    private void queue(NetworkLoader.Loaded network, List<Long> institutionIds) {
        pending.addAll(institutionIds);
        int queuedIn = generation.get();
        drawer.execute(() -> {
            for (long id : institutionIds) {
                if (generation.get() != queuedIn) {
                    return;
                }
                try {
                    draw(network, id);
                } catch (RuntimeException e) {
                    // one failure (say, the institution deleted meanwhile) must not leave all the rest undrawn
                    LOG.warnf(e, "service circles: institution %d not drawn; it will be drawn when asked for", id);
                }
                pending.remove(id);
                int drawn = drawnSinceIdle.incrementAndGet();
                if (drawn % 100 == 0 || pending.isEmpty()) {
                    LOG.infof("service circles: %d drawn, %d waiting", drawn, pending.size());
                }
                if (pending.isEmpty()) {
                    drawnSinceIdle.set(0);
                }
            }
        });
    }

    /** Institutions whose circles are still to be drawn, in id order. */
    public List<Long> pending() {
        return List.copyOf(pending);
    }

    /**
     * Forgets the circles still waiting, for a caller about to remove their institutions (tests
     * between cases); any still wanted later are drawn when asked for.
     */
    public void dropQueued() {
        generation.incrementAndGet();
        pending.clear();
    }

    /** Waits until every circle asked for so far is drawn. */
    public void awaitDrawn() {
        Background.awaitQueued(drawer);
    }

    @SuppressWarnings("unchecked")
    private List<Long> missingFor(String checksum) {
        List<Number> ids = entityManager.createNativeQuery("""
                SELECT i.id FROM institution i
                WHERE NOT EXISTS (SELECT 1 FROM institution_service_circle c WHERE c.institution_id = i.id AND c.network_checksum = :checksum)
                ORDER BY i.id""").setParameter("checksum", checksum).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The minutes of the stored circles, shortest first. */
    public double[] minutes() {
        return settings.storedCircleMinutes().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * The circles an institution at this place would have, one band for each of {@link #minutes()}
     * (none if the place is too far from the network): for sites not yet stored, such as a scenario's.
     */
    public List<ServiceCircles.Band> bandsAt(NetworkLoader.Loaded network, double latitude, double longitude) {
        NetworkPoint origin = network.snapper().snapWithin(latitude, longitude, WalkingProfile.FOOT, settings.maxSnapMetres());
        return origin == null ? List.of() : circles.around(network, WalkingProfile.FOOT, CostKind.TIME, origin,
                new double[] {latitude, longitude}, CircleLimits.minutes(minutes(), settings.defaultSpeedKmh()).costs());
    }

    /** Draws and stores one institution's circles; an institution too far from the network gets none. */
    void draw(NetworkLoader.Loaded network, long institutionId) {
        InstitutionService.Place place = institutions.place(institutionId);
        if (place == null) {
            return;
        }
        double[] minutes = minutes();
        List<ServiceCircles.Band> bands = bandsAt(network, place.latitude(), place.longitude());
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM institution_service_circle WHERE institution_id = :id")
                    .setParameter("id", institutionId).executeUpdate();
            for (int b = 0; b < bands.size(); b++) {
                entityManager.createNativeQuery("""
                                INSERT INTO institution_service_circle (institution_id, minutes, speed_kmh, boundary, area_square_metres, network_checksum)
                                SELECT :id, :minutes, :speed, ST_GeomFromText(:wkt, 4326), :area, :checksum
                                WHERE EXISTS (SELECT 1 FROM institution WHERE id = :id)""")
                        .setParameter("id", institutionId)
                        .setParameter("minutes", minutes[b])
                        .setParameter("speed", settings.defaultSpeedKmh())
                        .setParameter("wkt", bands.get(b).area().toText())
                        .setParameter("area", bands.get(b).squareMetres())
                        .setParameter("checksum", network.checksum())
                        .executeUpdate();
            }
        });
    }

    /** The stored circles as a FeatureCollection, drawing them first if they are missing. */
    public JsonObject circles(long institutionId) {
        NetworkLoader.Loaded network = networks.require();
        List<Object[]> rows = stored(institutionId, network.checksum());
        if (rows.isEmpty()) {
            draw(network, institutionId);
            rows = stored(institutionId, network.checksum());
        }
        var features = GeoJson.JSON.createArrayBuilder();
        for (Object[] row : rows) {
            var properties = GeoJson.JSON.createObjectBuilder()
                    .add("limit", ((Number) row[0]).doubleValue())
                    .add("unit", "MINUTES")
                    .add("speedKmh", ((Number) row[1]).doubleValue())
                    .add("profile", WalkingProfile.FOOT.name())
                    .add("areaSquareMetres", Math.round(((Number) row[3]).doubleValue()))
                    .add("computedAt", row[4].toString());
            features.add(GeoJson.feature(geometry((String) row[2]), properties.build()));
        }
        return GeoJson.JSON.createObjectBuilder().add("type", "FeatureCollection").add("features", features)
                .add("properties", GeoJson.JSON.createObjectBuilder().add("offNetwork", rows.isEmpty())).build();
    }

    private static org.locationtech.jts.geom.Geometry geometry(String wkt) {
        try {
            return new WKTReader(GeoJson.FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKT", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> stored(long institutionId, String checksum) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT minutes, speed_kmh, ST_AsText(boundary), area_square_metres, computed_at
                        FROM institution_service_circle WHERE institution_id = :id AND network_checksum = :checksum ORDER BY minutes""")
                .setParameter("id", institutionId).setParameter("checksum", checksum).getResultList());
    }
}
