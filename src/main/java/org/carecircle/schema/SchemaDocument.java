package org.carecircle.schema;

import graphql.schema.DefaultGraphqlTypeComparatorRegistry;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphqlTypeComparatorEnvironment;
import graphql.schema.GraphqlTypeComparatorRegistry;
import graphql.schema.idl.SchemaPrinter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;

/**
 * Serves the schema's SDL at {@code /graphql/schema.graphql}: types and fields by name, as SmallRye prints
 * them, but enum values in their domain order, and {@code @specifiedBy} on the scalars that have a
 * specification.
 */
@ApplicationScoped
public class SchemaDocument {
    private static final GraphqlTypeComparatorRegistry ORDER = new GraphqlTypeComparatorRegistry() {
        @Override
        public <T extends GraphQLSchemaElement> Comparator<? super T> getComparator(GraphqlTypeComparatorEnvironment environment) {
            return environment.getElementType() == GraphQLEnumValueDefinition.class ? (a, b) -> 0
                    : DefaultGraphqlTypeComparatorRegistry.defaultComparators().getComparator(environment);
        }
    };

    @Inject
    Instance<GraphQLSchema> schema;

    private volatile String printed;

    void register(@Observes Router router) {
        // before the GraphQL extension's own handler of the same path
        router.get("/graphql/schema.graphql").order(-98).handler(this::serve);
    }

    /** The SDL clients load: the same text served, and compared with the reviewed snapshot by the tests. */
    public String print() {
        if (printed == null) {
            printed = new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeScalarTypes(true)
                    .includeIntrospectionTypes(false).includeSchemaDefinition(false).includeDirectiveDefinitions(false)
                    .includeDirectives("specifiedBy"::equals).setComparators(ORDER)).print(schema.get());
        }
        return printed;
    }

    private void serve(RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").end(print());
    }
}
