package org.carecircle.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * Uploads', exports' and tiles' errors in the same words as GraphQL's: an HTTP status and a JSON body
 * {@code {"errors": [{"code", "field", "reason"}]}}, the codes those of {@link ErrorCode}.
 */
public class ApiErrors {
    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return errors(ErrorCode.BAD_USER_INPUT, e.violations());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return errors(ErrorCode.NOT_FOUND, List.of(new Violation(e.field(), e.reason())));
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
        return errors(ErrorCode.NOT_FOUND, List.of(new Violation("path", "there is no such resource")));
    }

    /** Everything else: the status of its code, a message in words (a fault of ours logged under an id). */
    @ServerExceptionMapper
    public Response other(RuntimeException e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        ErrorCode code = ErrorCode.of(e);
        return errors(code, List.of(new Violation("request", GraphQLErrors.message(code, e))));
    }

    public static Response errors(ErrorCode code, List<Violation> violations) {
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON).entity(body(code, violations)).build();
    }

    /** The JSON body of a refusal, also written by {@link RequestGuard} before any endpoint runs. */
    public static String body(ErrorCode code, List<Violation> violations) {
        var errors = Json.createArrayBuilder();
        violations.forEach(v -> errors.add(Json.createObjectBuilder().add("code", code.name()).add("field", v.field())
                .add("reason", v.reason())));
        return Json.createObjectBuilder().add("errors", errors).build().toString();
    }
}
