package org.carecircle.engine.network;

/** How a family walks: on foot, or pushing a stroller (pram), for which steps are impassable. */
public enum WalkingProfile {
    FOOT, STROLLER;

    /** The GraphHopper profile that marks this profile's small, disconnected subnetworks. */
    public String graphHopperName() {
        return name().toLowerCase();
    }
}
