package org.carecircle.institution;

public enum InstitutionStatus {
    OPERATING, PLANNED, UNDER_CONSTRUCTION, CLOSED
}
