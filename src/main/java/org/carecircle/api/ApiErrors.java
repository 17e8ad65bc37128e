package org.carecircle.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The exports' errors in the same words as GraphQL's: each field and its reason, as JSON. */
public class ApiErrors {
    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return errors(Response.Status.BAD_REQUEST, e.violations());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return errors(Response.Status.NOT_FOUND, List.of(new Violation(e.field(), e.reason())));
    }

    /**
     * JAX-RS answers a query parameter it could not convert with "not found": when the cause is a
     * parameter refused by {@link StrictParameters}, it is a bad request naming the parameter; any
     * other miss is a 404 in the same JSON.
     */
    @ServerExceptionMapper
    public Response noResource(jakarta.ws.rs.NotFoundException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalid(invalid);
            }
        }
        return errors(Response.Status.NOT_FOUND, List.of(new Violation("path", "there is no such resource")));
    }

    private static Response errors(Response.Status status, List<Violation> violations) {
        var errors = Json.createArrayBuilder();
        violations.forEach(v -> errors.add(Json.createObjectBuilder().add("field", v.field()).add("reason", v.reason())));
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("errors", errors).build().toString()).build();
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.getMessage()).build().toString()).build();
    }
}
