package org.carecircle.coverage;

import org.carecircle.institution.InstitutionStatus;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** Which institutions count for coverage. Employer sites serving only their staff never count unless asked. */
@Input("InstitutionSelection")
public record InstitutionSelection(
        @Description("Default OPERATING") InstitutionStatus status,
        @Description("Only inclusive (price-capped) institutions") Boolean inclusiveOnly,
        @Description("Only PUBLIC and PUBLIC_BUILT_PRIVATELY_RUN institutions") Boolean publicOnly,
        @Description("Also count sites not open to the public (employer sites for their staff)") Boolean includeStaffOnly) {

    static final InstitutionSelection DEFAULT = new InstitutionSelection(null, null, null, null);

    Coverage.Counted normalised() {
        return new Coverage.Counted(status == null ? InstitutionStatus.OPERATING : status,
                Boolean.TRUE.equals(inclusiveOnly), Boolean.TRUE.equals(publicOnly), Boolean.TRUE.equals(includeStaffOnly));
    }
}
