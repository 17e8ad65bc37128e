package org.carecircle.institution;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ClassGroupInput")
@Description("The classes of one age group; at most one per age group and institution.")
public record ClassGroupInput(
        @NonNull AgeGroup ageGroup,
        @Description("Number of classes, if known") Integer classes,
        @NonNull @Description("托位: places, 0 or more") Integer slots,
        @Description("在托: children attending, 0 to slots (default 0)") Integer enrolled) {
}
