package org.carecircle.coverage;

import org.carecircle.api.Decimals;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.coverage.CoverageAnalysis;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.institution.InstitutionStatus;

import java.util.List;

/**
 * One finished analysis with everything needed to answer about it: the parameters as applied, the
 * data it ran on (a scenario's changes applied), the institutions counted (and those too far from
 * any walkable way), the sums, and every institution whatever its status, for indicators.
 */
public record Coverage(Settings settings, CoverageData.Cells cells, List<CoverageData.Site> sites,
                       List<CoverageData.Site> sitesOffNetwork, CoverageAnalysis analysis, CoverageAnalysis.Sums sums,
                       int cellsOffNetwork, List<CoverageData.Site> allSites) {

    /** Validated parameters with every default filled in: the cache key of an analysis. */
    public record Settings(List<Double> minutes, double speedKmh, WalkingProfile profile, double takeUpRate,
                           CapacityMode capacity, Counted institutions, String scenario) {
        public double metresPerMinute() {
            return speedKmh * 1000 / 60;
        }

        public int limitIndex(double limitMinutes) {
            return minutes.indexOf(limitMinutes);
        }
    }

    /** Which institutions count, every default filled in (the GraphQL selection leaves them open). */
    public record Counted(InstitutionStatus status, boolean inclusiveOnly, boolean publicOnly, boolean includeStaffOnly) {
    }

    /** Minutes for a cost in flat-equivalent metres; null when nothing can be reached. */
    public Double minutes(double cost) {
        return Double.isFinite(cost) ? Decimals.round(cost / settings.metresPerMinute(), 2) : null;
    }

    /** A limit in a column or property name: 15 for 15 minutes, 7_5 for 7.5. */
    public static String limitKey(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(minutes).replace('.', '_');
    }

    /** Index of the sums of all cells (after one per area). */
    public int overall() {
        return cells.areas.size();
    }
}
