package org.carecircle.area;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** How an area's shape must sit in its parent's. */
final class AreaShapes {
    /** Boundaries drawn by different offices disagree along their edges; more than this is another place. */
    static final int OUTSIDE_PERCENT = 5;

    private AreaShapes() {
    }

    static boolean mostlyWithin(Geometry child, Geometry parent) {
        if (!child.getEnvelopeInternal().intersects(parent.getEnvelopeInternal())) {
            return false;
        }
        double inside = OverlayNGRobust.overlay(child, parent, OverlayNG.INTERSECTION).getArea();
        return inside >= child.getArea() * (1 - OUTSIDE_PERCENT / 100.0);
    }
}
