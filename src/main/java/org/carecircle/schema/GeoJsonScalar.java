package org.carecircle.schema;

import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;

/**
 * Named GeoJSON scalars (RFC 7946), so the schema says which geometry a field holds and a code generator can
 * map each to its GeoJSON type. Each carries what SmallRye's JSON scalar carries: the Java side still sees a
 * JSON object, and the feature's validator refuses another geometry by the field's name.
 */
enum GeoJsonScalar {
    POINT("GeoJSONPoint", "A GeoJSON Point geometry (RFC 7946 §3.1.2): {\"type\": \"Point\", \"coordinates\": "
            + "[longitude, latitude]} in WGS84 degrees"),
    POLYGON("GeoJSONPolygon", "A GeoJSON Polygon geometry (RFC 7946 §3.1.6): rings of [longitude, latitude] "
            + "positions in WGS84 degrees, the outer ring first"),
    MULTI_POLYGON("GeoJSONMultiPolygon", "A GeoJSON MultiPolygon geometry (RFC 7946 §3.1.7) in WGS84 degrees"),
    POLYGONAL("GeoJSONPolygonOrMultiPolygon", "A GeoJSON Polygon or MultiPolygon geometry (RFC 7946 §3.1.6, "
            + "§3.1.7) in WGS84 degrees"),
    FEATURE_COLLECTION("GeoJSONFeatureCollection", "A GeoJSON FeatureCollection (RFC 7946 §3.3) in WGS84 degrees; "
            + "the field's description lists its features' properties");

    static final String SPECIFICATION = "https://www.rfc-editor.org/rfc/rfc7946";

    private final String name;
    private final String description;

    GeoJsonScalar(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** This scalar, carried by the JSON scalar's coercing. */
    GraphQLScalarType carriedBy(GraphQLScalarType json) {
        return GraphQLScalarType.newScalar().name(name).description(description).specifiedByUrl(SPECIFICATION)
                .withAppliedDirective(GraphQLAppliedDirective.newDirective().name("specifiedBy")
                        .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url")
                                .type(GraphQLNonNull.nonNull(Scalars.GraphQLString)).valueProgrammatic(SPECIFICATION)))
                .coercing(json.getCoercing()).build();
    }
}
