package org.carecircle.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The exports' errors in the same words as GraphQL's: each field and its reason, as JSON. */
public class ApiErrors {
    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        var errors = Json.createArrayBuilder();
        e.violations().forEach(v -> errors.add(Json.createObjectBuilder().add("field", v.field()).add("reason", v.reason())));
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("errors", errors).build().toString()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString()).build();
    }
}
