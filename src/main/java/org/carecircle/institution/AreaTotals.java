package org.carecircle.institution;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("AreaTotals")
@Description("Sums over the institutions located in the area and the population cells whose centre lies in it.")
public record AreaTotals(
        int institutions,
        int slots,
        int enrolled,
        @Description("Slots of inclusive (普惠) institutions") int inclusiveSlots,
        @NonNull @Description("One row per age group, all three always present") List<@NonNull AgeGroupTotals> byAgeGroup,
        @Description("The area's published resident population, if known") Integer residents,
        @Description("Residents summed over the population cells") double gridResidents,
        @Description("Children under 3 summed over the population cells") double childrenUnder3,
        int populationCells,
        @Description("True when any summed population cell is an estimate") boolean populationEstimated) {

    @Type("AgeGroupTotals")
    public record AgeGroupTotals(@NonNull AgeGroup ageGroup, int slots, int enrolled, int inclusiveSlots) {
    }
}
