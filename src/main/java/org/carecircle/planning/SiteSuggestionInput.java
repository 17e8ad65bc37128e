package org.carecircle.planning;

import jakarta.json.JsonObject;
import org.carecircle.api.BoundingBox;
import org.carecircle.coverage.CoverageParameters;
import org.carecircle.institution.Ownership;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

/** What a site suggestion is asked for; every field but the candidates' points has a default. */
@Input("SiteSuggestionInput")
public record SiteSuggestionInput(
        @Description("How many sites at most (default 15, Yubei's plan)") Integer sites,
        @Description("Stop once this share (0–1) of children wanting a place is covered within the limit, with capacity")
        Double coverageTarget,
        @Description("The walking limit in minutes (default 15)") Double minutes,
        @Description("Default POPULATION_CELLS") CandidateSource candidates,
        @Description("For POINTS: the candidate sites, each with its own slots if given") List<CandidateInput> points,
        @Description("Only candidates inside this box") BoundingBox boundingBox,
        @Description("Slots of every candidate without its own (default 60: 10 INFANT, 20 TODDLER, 30 OLDER_TODDLER)")
        Integer slotsPerSite,
        @Description("No two chosen sites closer than this, in metres as the crow flies (default 0)") Double minDistanceMetres,
        @Description("The new sites are inclusive (default true): only they earn Yubei's subsidies") Boolean inclusive,
        @Description("Ownership of the new sites when saved as a scenario (default PUBLIC)") Ownership ownership,
        @Description("Speed, profile, take-up, capacity, which existing institutions count, and a scenario to start from")
        CoverageParameters parameters,
        @Description("Also store the chosen sites as proposed COMMUNITY institutions of a scenario of this name "
                + "(planner only)") String saveAs) {

    @Input("CandidateInput")
    public record CandidateInput(@Description("GeoJSON Point") JsonObject location, Integer slots) {
    }
}
