package org.carecircle.estimate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

/** What an estimate from OpenStreetMap wrote, and how each figure was derived. */
@Type("EstimateReport")
public record EstimateReport(@NonNull String extract,
                             @Description("Codes of the areas written: complete admin_level 8 boundaries, else the study area")
                             @NonNull List<@NonNull String> areaCodes,
                             int populationCells, double residents, double childrenUnder3,
                             @NonNull String populationMethod,
                             int institutions, @NonNull String institutionMethod) {
}
