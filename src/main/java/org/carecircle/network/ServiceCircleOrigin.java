package org.carecircle.network;

import jakarta.json.JsonObject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("ServiceCircleOrigin")
@Description("Where the walk starts: a GeoJSON Point, or an institution's location. Give exactly one.")
public record ServiceCircleOrigin(JsonObject point, @Id Long institutionId) {
}
