package org.carecircle.engine.network;

import com.graphhopper.GraphHopper;
import com.graphhopper.routing.ev.BooleanEncodedValue;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.storage.index.LocationIndex;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.EdgeIteratorState;
import org.carecircle.engine.geometry.Projection;

import java.util.EnumMap;
import java.util.Map;

/**
 * Finds where a place joins the network for a profile: GraphHopper's location index proposes the
 * nearest usable edge outside small disconnected pieces; the point on it comes from our own geometry.
 */
public final class Snapper {
    private final LocationIndex index;
    private final WalkingNetwork network;
    private final Map<WalkingProfile, BooleanEncodedValue> smallSubnetwork = new EnumMap<>(WalkingProfile.class);

    Snapper(GraphHopper hopper, WalkingNetwork network) {
        this.index = hopper.getLocationIndex();
        this.network = network;
        for (WalkingProfile profile : WalkingProfile.values()) {
            smallSubnetwork.put(profile, hopper.getEncodingManager()
                    .getBooleanEncodedValue(Subnetwork.key(profile.graphHopperName())));
        }
    }

    WalkingNetwork network() {
        return network;
    }

    /** The nearest usable point of the network, or null if there is none near. */
    public NetworkPoint snap(double latitude, double longitude, WalkingProfile profile) {
        BooleanEncodedValue isolated = smallSubnetwork.get(profile);
        Snap snap = index.findClosest(latitude, longitude, (EdgeIteratorState edge) -> {
            int e = edge.getEdge();
            return !edge.get(isolated) && network.usable(e, profile)
                    && (Float.isFinite(network.costForward[e]) || Float.isFinite(network.costBackward[e]));
        });
        if (!snap.isValid()) {
            return null;
        }
        return closestPointOn(snap.getClosestEdge().getEdge(), latitude, longitude);
    }

    /**
     * Where a place joins the network: the nearest usable point if it lies within {@code maxMetres},
     * else null. Every place (origin, institution, cell, candidate site) joins by this one rule.
     */
    public NetworkPoint snapWithin(double latitude, double longitude, WalkingProfile profile, double maxMetres) {
        NetworkPoint snapped = snap(latitude, longitude, profile);
        return snapped != null && snapped.distance() <= maxMetres ? snapped : null;
    }

    /** The point of {@code edge} nearest to the place, measured in local metres. */
    NetworkPoint closestPointOn(int edge, double latitude, double longitude) {
        Projection projection = new Projection(latitude, longitude);
        int first = network.geometryStart[edge];
        int last = network.geometryStart[edge + 1] - 1;
        double bestDistance = Double.POSITIVE_INFINITY, bestAlong = 0, bestX = 0, bestY = 0;
        for (int p = first; p < last; p++) {
            double x0 = projection.x(network.geometryLongitude[p]), y0 = projection.y(network.geometryLatitude[p]);
            double x1 = projection.x(network.geometryLongitude[p + 1]), y1 = projection.y(network.geometryLatitude[p + 1]);
            double dx = x1 - x0, dy = y1 - y0;
            double squared = dx * dx + dy * dy;
            double t = squared > 0 ? Math.max(0, Math.min(1, -(x0 * dx + y0 * dy) / squared)) : 0;
            double x = x0 + t * dx, y = y0 + t * dy;
            double distance = Math.sqrt(x * x + y * y);
            if (distance < bestDistance) {
                bestDistance = distance;
                bestAlong = network.geometryAlong[p] + t * (network.geometryAlong[p + 1] - network.geometryAlong[p]);
                bestX = x;
                bestY = y;
            }
        }
        return new NetworkPoint(edge, bestAlong, projection.latitude(bestY), projection.longitude(bestX), bestDistance);
    }
}
