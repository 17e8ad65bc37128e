package org.carecircle.coverage;

import jakarta.json.JsonObject;
import org.carecircle.api.Page;
import org.carecircle.api.PageInfo;
import org.carecircle.area.AreaLevel;
import org.carecircle.area.AreaRef;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.network.WalkingProfile;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What coverage answers look like to GraphQL clients and exports; built by {@link CoverageReports}. */
public final class CoverageViews {
    private CoverageViews() {
    }

    @Type("CoverageReport")
    @Description("Who can walk to childcare: overall, per area and per institution, for each limit.")
    public record Report(@NonNull List<@NonNull Double> minutes, double speedKmh, @NonNull WalkingProfile profile,
                         double takeUpRate, @NonNull CapacityMode capacity,
                         @Description("Institutions counted (selected and on the network)") int institutionsCounted,
                         @Description("Selected institutions too far from any walkable way: not counted")
                         @Id @NonNull List<@NonNull Long> institutionsOffNetwork,
                         int cells,
                         @Description("Cells too far from any walkable way: never within a limit") int cellsOffNetwork,
                         @Description("True if any population cell is an estimate") boolean populationEstimated,
                         @NonNull AreaCoverage overall, @Ignore List<AreaCoverage> areas,
                         @Ignore List<InstitutionCoverage> institutions) {
    }

    @Type("AreaCoverageConnection")
    @Description("A page of areas' coverage in code order (Relay cursor connection)")
    public record AreaCoverageConnection(@NonNull List<@NonNull AreaCoverageEdge> edges,
                                         @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                         List<@NonNull AreaCoverage> nodes,
                                         @NonNull PageInfo pageInfo,
                                         @Description("Areas reported, across all pages") int totalCount) {
        static AreaCoverageConnection of(Page<AreaCoverage> page) {
            return new AreaCoverageConnection(page.edges(AreaCoverageEdge::new), page.nodes(), page.pageInfo(),
                    page.totalCount());
        }
    }

    @Type("AreaCoverageEdge")
    @Description("An area's coverage and the cursor that pages from it")
    public record AreaCoverageEdge(@NonNull @Description("Pass as after or before to page from this area") String cursor,
                                   @NonNull AreaCoverage node) {
    }

    @Type("InstitutionCoverageConnection")
    @Description("A page of counted institutions' capacity in id order (Relay cursor connection)")
    public record InstitutionCoverageConnection(@NonNull List<@NonNull InstitutionCoverageEdge> edges,
                                                @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                                List<@NonNull InstitutionCoverage> nodes,
                                                @NonNull PageInfo pageInfo,
                                                @Description("Institutions counted, across all pages") int totalCount) {
        static InstitutionCoverageConnection of(Page<InstitutionCoverage> page) {
            return new InstitutionCoverageConnection(page.edges(InstitutionCoverageEdge::new), page.nodes(),
                    page.pageInfo(), page.totalCount());
        }
    }

    @Type("InstitutionCoverageEdge")
    @Description("An institution's capacity and the cursor that pages from it")
    public record InstitutionCoverageEdge(@NonNull @Description("Pass as after or before to page from this institution")
                                          String cursor, @NonNull InstitutionCoverage node) {
    }

    @Type("AreaCoverage")
    @Description("An area's people and how many reach care. Children wanting a place = children under 3 × take-up rate. "
            + "Scores are slots per child wanting a place (2SFCA, and E2SFCA with weights 1, 0.68, 0.22 over thirds of "
            + "the longest limit), weighted by children wanting a place.")
    public record AreaCoverage(@Description("Null for the whole dataset") AreaRef area, double residents,
                               double childrenUnder3, double childrenWantingPlace, Double twoStepScore,
                               Double enhancedScore, @NonNull List<@NonNull LimitCoverage> limits) {
    }

    @Type("LimitCoverage")
    public record LimitCoverage(double minutes,
                                @Description("Residents whose cell walks to an institution within the limit") double residentsWithin,
                                double childrenWithin, double childrenOutside,
                                @Description("childrenWithin ÷ childrenUnder3; null without children") Double childrenWithinShare,
                                @Description("Children wanting a place who get one within the limit (capacity allocation)")
                                double childrenWantingPlaceCovered,
                                double childrenWantingPlaceUncovered,
                                Double childrenWantingPlaceCoveredShare) {
    }

    @Type("InstitutionCoverage")
    public record InstitutionCoverage(@Id long id, @NonNull String name, double availableSlots,
                                      @NonNull List<@NonNull InstitutionLimit> limits) {
    }

    @Type("InstitutionLimit")
    @Description("Capacity allocation within one limit: children served nearest first, and slots left")
    public record InstitutionLimit(double minutes, double childrenServed, double slotsLeft) {
    }

    @Type("CellCoverage")
    public record CellCoverage(@NonNull String cellId, double residents, double childrenUnder3, double childrenWantingPlace,
                               @Id @Description("Null if no institution can be reached") Long nearestInstitutionId,
                               Double minutesToNearest, @NonNull List<@NonNull CellLimit> limits,
                               double twoStepScore, double enhancedScore, boolean estimated) {
    }

    @Type("CellLimit")
    public record CellLimit(double minutes, boolean within, double childrenWantingPlaceCovered,
                            double childrenWantingPlaceUncovered) {
    }

    @Type("GapReport")
    @Description("Contiguous cells with uncovered children, largest first, and the same as a GeoJSON FeatureCollection")
    public record GapReport(double minutes, boolean withCapacity, double childrenUncovered,
                            @NonNull GapAreaConnection gaps, @NonNull JsonObject featureCollection) {
    }

    @Type("GapAreaConnection")
    @Description("A page of gap areas in rank order, largest first (Relay cursor connection)")
    public record GapAreaConnection(@NonNull List<@NonNull GapAreaEdge> edges,
                                    @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                    List<@NonNull GapArea> nodes,
                                    @NonNull PageInfo pageInfo,
                                    @Description("Gap areas at this limit, across all pages") int totalCount) {
        static GapAreaConnection of(Page<GapArea> page) {
            return new GapAreaConnection(page.edges(GapAreaEdge::new), page.nodes(), page.pageInfo(), page.totalCount());
        }
    }

    @Type("GapAreaEdge")
    @Description("A gap area and the cursor that pages from it")
    public record GapAreaEdge(@NonNull @Description("Pass as after or before to page from this gap area") String cursor,
                              @NonNull GapArea node) {
    }

    @Type("CellCoverageConnection")
    @Description("A page of population cells' coverage in cellId order (Relay cursor connection)")
    public record CellCoverageConnection(@NonNull List<@NonNull CellCoverageEdge> edges,
                                         @NonNull @Description("The edges' nodes, for clients that need no cursors")
                                         List<@NonNull CellCoverage> nodes,
                                         @NonNull PageInfo pageInfo,
                                         @Description("Cells whose centre lies in the box, across all pages") int totalCount) {
        static CellCoverageConnection of(Page<CellCoverage> page) {
            return new CellCoverageConnection(page.edges(CellCoverageEdge::new), page.nodes(), page.pageInfo(),
                    page.totalCount());
        }
    }

    @Type("CellCoverageEdge")
    @Description("A cell's coverage and the cursor that pages from it")
    public record CellCoverageEdge(@NonNull @Description("Pass as after or before to page from this cell") String cursor,
                                   @NonNull CellCoverage node) {
    }

    @Type("GapArea")
    @Description("Without capacity, childrenUncovered counts children under 3 outside the limit; with capacity, "
            + "children wanting a place who get none within it. Minutes are the walk to the nearest institution, "
            + "weighted by the uncovered children; null if none of them can reach one.")
    public record GapArea(int rank, AreaRef area, int cells, double childrenUncovered, double childrenUnder3,
                          Double meanMinutesToNearest, Double longestMinutesToNearest,
                          @Description("False if some cells cannot reach any institution at all") boolean allReachable,
                          @NonNull @Description("A point inside the gap area") JsonObject location) {
    }

    static AreaRef areaRef(CoverageData.Areas areas, int area) {
        return area < 0 ? null : new AreaRef(areas.code()[area], areas.name()[area], areas.level()[area]);
    }

    static boolean atLevel(CoverageData.Areas areas, int area, AreaLevel level) {
        return level == null || areas.level()[area] == level;
    }
}
