package org.carecircle.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What a browser must not be made to do with a planner's remembered login (cross-site requests):
 * every request that writes (anything but GET, HEAD and OPTIONS) carrying an {@code Origin} must
 * come from this service's own origin or one configured in {@code carecircle.http.allowed-origins};
 * {@code POST /graphql} must say it is JSON (a cross-site form can send only form or text bodies).
 * A refused login is answered without the Basic challenge, so a page is never stuck in the browser's
 * own login dialog (clients send their credentials at once, as curl -u and the map do); wrong
 * passwords slow the next attempts of that user and of that address ({@link LoginThrottle}).
 */
@ApplicationScoped
public class RequestGuard {
    @ConfigProperty(name = "carecircle.http.allowed-origins")
    Optional<List<String>> allowedOrigins;

    /** Five wrong passwords for one user; twenty from one address (an office behind one router has many users). */
    private final LoginThrottle users = new LoginThrottle(5);
    private final LoginThrottle addresses = new LoginThrottle(20);

    void register(@Observes Filters filters) {
        // before authentication, so that a refused login's answer passes here too
        filters.register(this::guard, 10_000);
    }

    /** A refused login or missing role answers in the errors' JSON, not with an empty body. */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            ErrorCode code = context.failure() == null ? null : ErrorCode.of(context.failure());
            if (code == ErrorCode.UNAUTHENTICATED && !context.response().ended()) {
                refuse(context, 401, code, "Authorization", "wrong user or password, or no login where one is needed");
            } else if (code == ErrorCode.FORBIDDEN && !context.response().ended()) {
                refuse(context, 403, code, "Authorization", "this needs the planner role");
            } else {
                context.next();
            }
        });
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        if (user != null) {
            long wait = Math.max(users.secondsToWait(user), addresses.secondsToWait(address));
            if (wait > 0) {
                context.response().putHeader("Retry-After", String.valueOf(wait));
                refuse(context, 429, ErrorCode.UNAUTHENTICATED, "Authorization", "too many wrong passwords: try again in " + wait + " s");
                return;
            }
        }
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 401) {
                context.response().headers().remove("WWW-Authenticate");
                if (user != null) {
                    users.failed(user);
                    addresses.failed(address);
                }
            } else if (user != null) {
                users.succeeded(user);
                addresses.succeeded(address);
            }
        });
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equals(request.scheme() + "://" + request.authority())
                && !allowedOrigins.orElse(List.of()).contains(origin)) {
            refuse(context, 403, ErrorCode.FORBIDDEN, "Origin", "\"" + origin + "\" may not send requests that write here; "
                    + "add it to carecircle.http.allowed-origins if it should");
            return;
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (request.path().startsWith("/graphql") && method == HttpMethod.POST
                && (type == null || !(type.startsWith("application/json") || type.startsWith("application/graphql-response+json")))) {
            refuse(context, 415, ErrorCode.BAD_USER_INPUT, "Content-Type", "a GraphQL request is application/json (got " + type + ")");
            return;
        }
        context.next();
    }

    /** The user named by a Basic Authorization header, or null. */
    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, Math.min(colon, 100));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void refuse(RoutingContext context, int status, ErrorCode code, String field, String reason) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(ApiErrors.body(code, List.of(new Violation(field, reason))));
    }
}
