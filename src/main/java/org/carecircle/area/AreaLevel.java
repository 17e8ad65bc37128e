package org.carecircle.area;

/** Administrative levels; subdistricts (街道, urban) and towns (镇, rural) sit at the same depth. */
public enum AreaLevel {
    DISTRICT(0), SUBDISTRICT(1), TOWN(1), COMMUNITY(2);

    private final int depth;

    AreaLevel(int depth) {
        this.depth = depth;
    }

    public boolean canContain(AreaLevel child) {
        return depth < child.depth;
    }
}
