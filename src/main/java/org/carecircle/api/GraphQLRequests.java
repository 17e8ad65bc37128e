package org.carecircle.api;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks a GraphQL request's envelope before the GraphQL engine sees it: a JSON object whose
 * {@code query} is a parseable document, {@code variables} an object and {@code operationName} a
 * string. SmallRye once answered these faults with a bare "Unparseable input document" or a 500
 * (variables given as a string or array, JSON nested 1,000 deep); here each is a 400 in GraphQL's error
 * shape with the code {@code BAD_USER_INPUT} and the parser's own words (line and column).
 */
@ApplicationScoped
public class GraphQLRequests {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        // after Quarkus's authentication (order -150), before the GraphQL endpoint (routes numbered from 0)
        router.route("/graphql").order(-100).handler(BodyHandler.create().setBodyLimit(maxBodySize.asLongValue()));
        router.route("/graphql").order(-99).handler(this::check);
    }

    private void check(RoutingContext context) {
        String problem;
        if (context.request().method() == HttpMethod.GET) {
            problem = checkQuery(context.request().getParam("query"));
        } else if (context.request().method() == HttpMethod.POST) {
            problem = checkBody(context);
        } else {
            problem = null;
        }
        if (problem == null) {
            context.next();
        } else {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", problem)
                            .put("extensions", new JsonObject().put("code", ErrorCode.BAD_USER_INPUT.name())))).encode());
        }
    }

    private static String checkBody(RoutingContext context) {
        Object body;
        try {
            body = context.body().length() == 0 ? null : context.body().asJsonObject();
        } catch (DecodeException | ClassCastException | IllegalStateException e) {
            return "the request body must be a JSON object {\"query\": …, \"variables\": {…}} of sensible depth";
        }
        if (!(body instanceof JsonObject request)) {
            return "the request body must be a JSON object {\"query\": …, \"variables\": {…}}";
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables must be a JSON object of names and values";
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return "operationName must be a string";
        }
        Object query = request.getValue("query");
        return query instanceof String text ? checkQuery(text) : "query must be a string holding a GraphQL document";
    }

    private static String checkQuery(String query) {
        if (query == null || query.isBlank()) {
            return "query is missing: send a GraphQL document";
        }
        try {
            Parser.parse(query);
            return null;
        } catch (InvalidSyntaxException e) {
            return "query: " + e.getMessage();
        }
    }
}
