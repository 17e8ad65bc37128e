package org.carecircle.engine.coverage;

/** What an institution can offer: all its slots, or only the places free today (slots − enrolled). */
public enum CapacityMode {
    SLOTS, FREE_PLACES
}
