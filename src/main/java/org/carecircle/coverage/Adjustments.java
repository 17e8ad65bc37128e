package org.carecircle.coverage;

import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.Ownership;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planning scenario as the analysis applies it, on copies of the base data: institutions added,
 * taken out or resized, and people added where new homes are built.
 *
 * @param version raised whenever the scenario changes, so cached answers on it are not reused
 * @param resized new totals by institution id: slots, enrolled, under-2 slots
 */
public record Adjustments(String name, long version, List<AddedSite> added, Set<Long> removed, Map<Long, long[]> resized,
                          List<AddedPeople> people) {

    /** A proposed institution; its id in answers is negative (−1 for the first). */
    public record AddedSite(String name, double latitude, double longitude, Ownership ownership, InstitutionKind kind, boolean inclusive, long slots, long enrolled,
                            long under2Slots) {
    }

    /** Residents and children under 3 added to the population cell that holds the place. */
    public record AddedPeople(double latitude, double longitude, double residents, double childrenUnder3) {
    }

    /** Finds a scenario's adjustments by name. */
    public interface Source {
        /** The scenario's adjustments; a clear error naming {@code field} if there is none of that name. */
        Adjustments find(String name, String field);
    }
}
