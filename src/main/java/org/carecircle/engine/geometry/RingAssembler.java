package org.carecircle.engine.geometry;

import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Polygons from traced rings: shells, and holes each with a point inside it. A hole belongs to the
 * smallest shell around it: where holes and islands nest (a gap around an island of covered land
 * around another gap), every outer shell contains the inner hole too, and only the smallest is
 * the one it cuts.
 */
public final class RingAssembler {
    /** A hole's ring and a point inside it, on none of the rings. */
    public record Hole(LinearRing ring, Coordinate inside) {
    }

    private RingAssembler() {
    }

    /** One polygon per shell, with its holes; null if a hole lies in no shell. */
    public static Polygon[] assemble(List<LinearRing> shells, List<Hole> holes, GeometryFactory factory) {
        Integer[] bySize = new Integer[shells.size()];
        double[] size = new double[shells.size()];
        for (int s = 0; s < bySize.length; s++) {
            bySize[s] = s;
            size[s] = Math.abs(Area.ofRingSigned(shells.get(s).getCoordinateSequence()));
        }
        Arrays.sort(bySize, Comparator.comparingDouble(s -> size[s]));
        List<List<LinearRing>> holesOf = new ArrayList<>();
        shells.forEach(shell -> holesOf.add(new ArrayList<>()));
        for (Hole hole : holes) {
            int owner = -1;
            for (int k = 0; k < bySize.length && owner < 0; k++) {
                LinearRing shell = shells.get(bySize[k]);
                if (shell.getEnvelopeInternal().covers(hole.inside())
                        && RayCrossingCounter.locatePointInRing(hole.inside(), shell.getCoordinateSequence()) == Location.INTERIOR) {
                    owner = bySize[k];
                }
            }
            if (owner < 0) {
                return null;
            }
            holesOf.get(owner).add(hole.ring());
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int s = 0; s < polygons.length; s++) {
            polygons[s] = factory.createPolygon(shells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
        }
        return polygons;
    }
}
