package org.carecircle.engine.indicator;

import java.util.List;

/**
 * What the indicators of one area are computed from: its institutions, its people and, for the
 * coverage indicators, the walking analysis. Residents are the area's published figure when it has
 * one, else the population grid's sum ({@code residentsEstimated}); children under 3 always come
 * from the grid, estimated if any of its cells is ({@code gridEstimated}); institution figures are
 * estimated if any institution counted is ({@code institutionsEstimated}).
 *
 * @param units                subdistricts and towns in the area (itself included if it is one)
 * @param unitsWithoutInclusive names of those with no inclusive institution
 * @param unitsWithoutInstitution names of those with no institution at all
 * @param largeUnitsWithoutPublicModel names of those with 50,000+ residents and no public inclusive demonstration institution
 */
public record AreaFacts(double residents, boolean residentsEstimated, double childrenUnder3, boolean gridEstimated,
                        boolean institutionsEstimated,
                        long slots, long inclusiveSlots, long publicSlots, long under2Slots, long enrolled,
                        int institutions, int gradedInstitutions,
                        int units, List<String> unitsWithoutInclusive, List<String> unitsWithoutInstitution,
                        int largeUnits, List<String> largeUnitsWithoutPublicModel,
                        int lifeCircleUnits, int lifeCircleUnitsConfigured,
                        double demand, double demandCovered15) {
}
