package org.carecircle.institution;

import java.util.List;

/** Fired when institutions are created or moved (one, or a register's worth), after the change is committed. */
public record InstitutionsLocated(List<Long> institutionIds) {
}
