package org.carecircle.institution;

/** The file formats an institution register may come in. */
public enum RegisterFormat {
    CSV, GEOJSON
}
