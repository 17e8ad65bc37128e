package org.carecircle.institution;

/** Fired when an institution is created or moved, after the change is committed. */
public record InstitutionLocated(long institutionId) {
}
