package org.carecircle.planning;

import jakarta.json.JsonObject;
import org.carecircle.institution.ClassGroupInput;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.Ownership;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

/** A what-if: changes on top of the base data, which itself is never touched. */
@Input("ScenarioInput")
public record ScenarioInput(
        @NonNull @Description("Unique name; queries take it as parameters.scenario") String name,
        String description,
        @Description("New institutions, operating") List<ProposedInstitution> proposed,
        @Id @Description("Ids of existing institutions taken out (closed)") List<Long> closed,
        @Description("Existing institutions with new class groups") List<Resize> resized,
        @Description("New residential estates") List<Estate> estates) {

    @Input("ProposedInstitutionInput")
    public record ProposedInstitution(@NonNull String name, @NonNull @Description("GeoJSON Point") JsonObject location,
                                      @NonNull Ownership ownership, @NonNull InstitutionKind kind, Boolean inclusive,
                                      @NonNull List<ClassGroupInput> classGroups) {
    }

    @Input("ResizeInput")
    public record Resize(@NonNull @Id Long institutionId, @NonNull List<ClassGroupInput> classGroups) {
    }

    /**
     * A new estate of {@code homes} homes at a place: residents = homes × residentsPerHome (default
     * 2.62, China's mean household in the 2020 census), children under 3 = residents × childrenShare
     * (default 2.2 %, Yubei 2024); added to the population cell that holds the place.
     */
    @Input("EstateInput")
    public record Estate(@NonNull @Description("GeoJSON Point") JsonObject location, @NonNull Integer homes,
                         Double residentsPerHome, Double childrenShare) {
        public static final double RESIDENTS_PER_HOME = 2.62;

        double residents() {
            return homes * (residentsPerHome == null ? RESIDENTS_PER_HOME : residentsPerHome);
        }

        double children() {
            return residents() * (childrenShare == null ? 0.022 : childrenShare);
        }
    }
}
