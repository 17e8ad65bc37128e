package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** What an import did, or with dryRun what it would do: nothing is written unless every record is good. */
@Type("ImportReport")
@Description("Records read, and how many were (or, in a dry run, would be) inserted and updated")
public record ImportReport(boolean dryRun, int records, int inserted, int updated) {
    /** As file uploads answer it. */
    public String toJson() {
        return GeoJson.JSON.createObjectBuilder().add("dryRun", dryRun).add("records", records)
                .add("inserted", inserted).add("updated", updated).build().toString();
    }
}
