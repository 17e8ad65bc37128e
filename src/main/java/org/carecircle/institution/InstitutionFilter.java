package org.carecircle.institution;

import org.carecircle.api.BoundingBox;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.util.List;

@Input("InstitutionFilter")
@Description("All given conditions must hold; a list matches any of its values.")
public record InstitutionFilter(
        BoundingBox boundingBox,
        @Description("Institutions located inside this area (any level)") String areaCode,
        List<Ownership> ownership,
        List<InstitutionKind> kind,
        Boolean inclusive,
        List<InstitutionStatus> status) {
}
