package org.carecircle.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Gives every element of the schema its description: the Java types' {@code @Description}, else the line of
 * {@code schema/descriptions.properties} keyed {@code Type}, {@code Type.field}, {@code Type.field(argument)} or
 * {@code Enum.VALUE}, else (for enums whose Java constants define them) the constant's own words. An element
 * with none, or a line that describes nothing or what is described already, stops the service at start.
 */
final class SchemaDescriptions {
    private static final Set<String> BUILT_IN = Set.of("String", "Int", "Float", "Boolean", "ID");

    private SchemaDescriptions() {
    }

    static GraphQLSchema described(GraphQLSchema schema, Map<String, Function<String, String>> enumValueWords) {
        Properties lines = lines();
        Set<String> used = new TreeSet<>();
        Set<String> problems = new TreeSet<>();
        GraphQLSchema described = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            private String description(String key, String given, String fallback) {
                String line = lines.getProperty(key);
                if (line != null) {
                    used.add(key);
                    if (given != null || fallback != null) {
                        problems.add(key + " is described twice: drop its line in descriptions.properties");
                    }
                    return line;
                }
                String found = given != null ? given : fallback;
                if (found == null || found.isBlank()) {
                    problems.add(key + " has no description");
                }
                return found;
            }

            private boolean skipped(GraphQLNamedSchemaElement element) {
                return element.getName().startsWith("__") || BUILT_IN.contains(element.getName());
            }

            private String parentName(TraverserContext<GraphQLSchemaElement> context) {
                return context.getParentNode() instanceof GraphQLNamedSchemaElement parent ? parent.getName() : "?";
            }

            /** The element described by the key's line, its own description or the fallback; unchanged if already so. */
            private TraversalControl described(TraverserContext<GraphQLSchemaElement> context, String key, String given,
                                               String fallback, Function<String, GraphQLSchemaElement> withDescription) {
                String text = description(key, given, fallback);
                return text == null || text.equals(given) ? TraversalControl.CONTINUE
                        : changeNode(context, withDescription.apply(text));
            }

            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
                return skipped(type) ? TraversalControl.ABORT : described(context, type.getName(), type.getDescription(), null,
                        text -> type.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLInterfaceType(GraphQLInterfaceType type, TraverserContext<GraphQLSchemaElement> context) {
                return described(context, type.getName(), type.getDescription(), null, text -> type.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectType(GraphQLInputObjectType type,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                return described(context, type.getName(), type.getDescription(), null, text -> type.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLEnumType(GraphQLEnumType type, TraverserContext<GraphQLSchemaElement> context) {
                return skipped(type) ? TraversalControl.ABORT : described(context, type.getName(), type.getDescription(), null,
                        text -> type.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType type, TraverserContext<GraphQLSchemaElement> context) {
                return skipped(type) ? TraversalControl.CONTINUE : described(context, type.getName(), type.getDescription(), null,
                        text -> type.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLEnumValueDefinition(GraphQLEnumValueDefinition value,
                                                                    TraverserContext<GraphQLSchemaElement> context) {
                String type = parentName(context);
                if (type.startsWith("__")) {
                    return TraversalControl.CONTINUE;
                }
                Function<String, String> words = enumValueWords.get(type);
                return described(context, type + "." + value.getName(), value.getDescription(),
                        words == null ? null : words.apply(value.getName()), text -> value.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                String type = parentName(context);
                return described(context, type + "." + field.getName(), field.getDescription(), connectionWords(type, field),
                        text -> field.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField field,
                                                                 TraverserContext<GraphQLSchemaElement> context) {
                return described(context, parentName(context) + "." + field.getName(), field.getDescription(), null,
                        text -> field.transform(b -> b.description(text)));
            }

            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument argument, TraverserContext<GraphQLSchemaElement> context) {
                if (!(context.getParentNode() instanceof GraphQLFieldDefinition field)) {
                    return TraversalControl.CONTINUE; // a directive's argument: not part of the printed schema
                }
                String owner = context.getParentContext().getParentNode() instanceof GraphQLNamedSchemaElement type
                        ? type.getName() : "?";
                return described(context, owner + "." + field.getName() + "(" + argument.getName() + ")",
                        argument.getDescription(), null, text -> argument.transform(b -> b.description(text)));
            }
        });
        Set<String> unused = new TreeSet<>(lines.stringPropertyNames());
        unused.removeAll(used);
        unused.forEach(key -> problems.add(key + " (descriptions.properties) describes nothing in the schema"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the schema's descriptions are incomplete: " + String.join("; ", problems));
        }
        return described;
    }

    /** The fields every connection and edge has, in the same words everywhere. */
    private static String connectionWords(String type, GraphQLFieldDefinition field) {
        if (type.endsWith("Connection")) {
            return switch (field.getName()) {
                case "edges" -> "The page's nodes, each with the cursor that pages from it";
                case "pageInfo" -> "Where the page stands in the list";
                default -> null;
            };
        }
        return type.endsWith("Edge") && field.getName().equals("node") ? "The object at this place of the list" : null;
    }

    private static Properties lines() {
        Properties lines = new Properties();
        try (InputStream in = SchemaDescriptions.class.getResourceAsStream("/schema/descriptions.properties")) {
            lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
