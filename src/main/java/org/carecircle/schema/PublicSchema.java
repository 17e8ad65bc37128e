package org.carecircle.schema;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedSchemaElement;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.smallrye.graphql.spi.EventingService;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.ErrorCode;
import org.carecircle.api.Language;
import org.carecircle.area.AreaLevel;
import org.carecircle.engine.coverage.CapacityMode;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.engine.network.WalkingProfile;
import org.carecircle.indicator.IndicatorWords;
import org.carecircle.indicator.TargetSetId;
import org.carecircle.institution.AgeGroup;
import org.carecircle.institution.Demonstration;
import org.carecircle.institution.InstitutionKind;
import org.carecircle.institution.InstitutionStatus;
import org.carecircle.institution.Ownership;
import org.carecircle.institution.RegisterFormat;
import org.carecircle.institution.ServiceMode;
import org.carecircle.planning.CandidateSource;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The schema as clients see it, shaped once before SmallRye builds it: enum values in their domain order
 * (SmallRye lists them alphabetically: {@code INFANT, OLDER_TODDLER, TODDLER}), and every JSON field a named
 * GeoJSON scalar saying which geometry it holds, input lists without null items ({@code [Float!]}), and every
 * element described ({@link SchemaDescriptions}). A
 * GraphQL enum missing from {@link #ENUMS}, or a JSON field missing from {@link #GEOJSON}, stops the service at
 * start, so neither table can fall behind the API.
 */
public class PublicSchema implements EventingService {
    private static final Map<String, List<String>> ENUMS = Stream.of(AgeGroup.class, AreaLevel.class, ErrorCode.class,
                    Language.class, TargetSetId.class, IndicatorWords.GapUnit.class,
                    CandidateSource.class, CapacityMode.class, CoordinateSystem.class, Demonstration.class, Indicator.class,
                    InstitutionKind.class, InstitutionStatus.class, Ownership.class, RegisterFormat.class,
                    ServiceMode.class, WalkingProfile.class)
            .collect(Collectors.toMap(Class::getSimpleName,
                    type -> Stream.of(type.getEnumConstants()).map(Enum::name).toList()));

    private static final Map<String, GeoJsonScalar> GEOJSON = Map.ofEntries(
            Map.entry("Area.boundary", GeoJsonScalar.MULTI_POLYGON),
            Map.entry("AreaInput.boundary", GeoJsonScalar.POLYGONAL),
            Map.entry("CandidateInput.location", GeoJsonScalar.POINT),
            Map.entry("EstateInput.location", GeoJsonScalar.POINT),
            Map.entry("GapArea.location", GeoJsonScalar.POINT),
            Map.entry("GapReport.featureCollection", GeoJsonScalar.FEATURE_COLLECTION),
            Map.entry("Institution.location", GeoJsonScalar.POINT),
            Map.entry("Institution.serviceCircles", GeoJsonScalar.FEATURE_COLLECTION),
            Map.entry("InstitutionInput.location", GeoJsonScalar.POINT),
            Map.entry("PopulationCell.boundary", GeoJsonScalar.POLYGON),
            Map.entry("PopulationCellInput.boundary", GeoJsonScalar.POLYGON),
            Map.entry("ProposedInstitutionInput.location", GeoJsonScalar.POINT),
            Map.entry("ProposedSite.location", GeoJsonScalar.POINT),
            Map.entry("Query.serviceCircle", GeoJsonScalar.FEATURE_COLLECTION),
            Map.entry("Query.serviceCircles", GeoJsonScalar.FEATURE_COLLECTION),
            Map.entry("ServiceCircleOrigin.point", GeoJsonScalar.POINT),
            Map.entry("SiteSuggestion.featureCollection", GeoJsonScalar.FEATURE_COLLECTION),
            Map.entry("SuggestedSite.location", GeoJsonScalar.POINT));

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        GraphQLSchema built = builder.build();
        GraphQLScalarType json = (GraphQLScalarType) built.getType("JSON");
        Map<GeoJsonScalar, GraphQLScalarType> scalars = Stream.of(GeoJsonScalar.values())
                .collect(Collectors.toMap(Function.identity(), scalar -> scalar.carriedBy(json)));
        TreeSet<String> unlisted = new TreeSet<>();
        GraphQLSchema shaped = SchemaTransformer.transformSchema(built, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLEnumType(GraphQLEnumType type, TraverserContext<GraphQLSchemaElement> context) {
                if (type.getName().startsWith("__")) {
                    return TraversalControl.CONTINUE;
                }
                List<String> order = ENUMS.get(type.getName());
                if (order == null || order.size() != type.getValues().size()) {
                    unlisted.add("enum " + type.getName());
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, type.transform(b -> {
                    b.clearValues();
                    order.forEach(name -> b.value(type.getValue(name)));
                }));
            }

            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                    TraverserContext<GraphQLSchemaElement> context) {
                return retyped(context, field.getName(), field.getType(), field.getType(),
                        type -> field.transform(b -> b.type((GraphQLOutputType) type)));
            }

            @Override
            public TraversalControl visitGraphQLInputObjectField(GraphQLInputObjectField field,
                    TraverserContext<GraphQLSchemaElement> context) {
                return retyped(context, field.getName(), field.getType(), itemsRequired(field.getType()),
                        type -> field.transform(b -> b.type((GraphQLInputType) type)));
            }

            @Override
            public TraversalControl visitGraphQLArgument(GraphQLArgument argument, TraverserContext<GraphQLSchemaElement> context) {
                return retyped(context, argument.getName(), argument.getType(), itemsRequired(argument.getType()),
                        type -> argument.transform(b -> b.type((GraphQLInputType) type)));
            }

            private TraversalControl retyped(TraverserContext<GraphQLSchemaElement> context, String name, GraphQLType original,
                                             GraphQLType adjusted, Function<GraphQLType, GraphQLSchemaElement> withType) {
                GraphQLType shaped = geoJson(adjusted, context, name);
                return shaped == original ? TraversalControl.CONTINUE : changeNode(context, withType.apply(shaped));
            }

            private GraphQLType geoJson(GraphQLType type, TraverserContext<GraphQLSchemaElement> context, String name) {
                if (!(unwrapped(type) instanceof GraphQLScalarType scalar) || !scalar.getName().equals("JSON")) {
                    return type;
                }
                String key = (context.getParentNode() instanceof GraphQLNamedSchemaElement parent ? parent.getName() : "?")
                        + "." + name;
                GeoJsonScalar geoJson = GEOJSON.get(key);
                if (geoJson == null) {
                    unlisted.add("JSON field " + key);
                    return type;
                }
                return rewrapped(type, scalars.get(geoJson));
            }
        });
        if (!unlisted.isEmpty()) {
            throw new IllegalStateException("PublicSchema does not know " + unlisted
                    + ": list each enum's domain order and each JSON field's GeoJSON type");
        }
        // SmallRye adds every scalar it knows, and a directive for Bean Validation's constraints (unused here)
        // that refers to two of them; a schema declares what it uses
        Set<GraphQLType> additional = new HashSet<>(shaped.getAdditionalTypes());
        additional.removeIf(type -> type instanceof GraphQLScalarType);
        Set<GraphQLDirective> directives = new HashSet<>(shaped.getDirectives());
        directives.removeIf(directive -> directive.getName().equals("constraint"));
        GraphQLSchema described = SchemaDescriptions.described(GraphQLSchema.newSchema().query(shaped.getQueryType())
                .mutation(shaped.getMutationType()).codeRegistry(shaped.getCodeRegistry()).additionalTypes(additional)
                .additionalDirectives(directives).build(), Map.of(
                "Indicator", name -> Indicator.valueOf(name).label + ": " + Indicator.valueOf(name).definition,
                "ErrorCode", name -> ErrorCode.valueOf(name).meaning()));
        // SmallRye's type resolvers answer the object types it built, which the shaping replaced: an inline
        // fragment on Institution would never match; each resolves by name in the schema being run
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry(described.getCodeRegistry());
        for (GraphQLType type : described.getAllTypesAsList()) {
            if (type instanceof GraphQLInterfaceType node) {
                TypeResolver resolver = described.getCodeRegistry().getTypeResolver(node);
                code.typeResolver(node.getName(), environment -> environment.getSchema().getObjectType(
                        resolver.getType(environment).getName()));
            }
        }
        return GraphQLSchema.newSchema(described).codeRegistry(code.build());
    }

    /** An input list holds no nulls: [X] is [X!], the list itself as optional as it was. */
    private static GraphQLType itemsRequired(GraphQLType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            GraphQLType inner = itemsRequired(nonNull.getWrappedType());
            return inner == nonNull.getWrappedType() ? type : GraphQLNonNull.nonNull(inner);
        }
        return type instanceof GraphQLList list && !(list.getWrappedType() instanceof GraphQLNonNull)
                ? GraphQLList.list(GraphQLNonNull.nonNull(list.getWrappedType())) : type;
    }

    private static GraphQLType unwrapped(GraphQLType type) {
        return type instanceof GraphQLNonNull nonNull ? unwrapped(nonNull.getWrappedType())
                : type instanceof GraphQLList list ? unwrapped(list.getWrappedType()) : type;
    }

    private static GraphQLType rewrapped(GraphQLType type, GraphQLScalarType scalar) {
        return type instanceof GraphQLNonNull nonNull ? GraphQLNonNull.nonNull(rewrapped(nonNull.getWrappedType(), scalar))
                : type instanceof GraphQLList list ? GraphQLList.list(rewrapped(list.getWrappedType(), scalar)) : scalar;
    }
}
