package org.carecircle.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.SchemaTransformer;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * GraphQL's {@code Int} is 32-bit; the library under SmallRye wrapped a larger literal or variable
 * ({@code slots: 4294967306} arrived as 10). Here a whole number out of range, or not whole, is refused
 * before any resolver runs, naming the argument.
 */
final class WholeNumbers implements Coercing<Object, Object> {
    private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final Coercing<?, ?> wrapped;

    private WholeNumbers(Coercing<?, ?> wrapped) {
        this.wrapped = wrapped;
    }

    static GraphQLSchema strict(GraphQLSchema schema) {
        return SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar, TraverserContext<GraphQLSchemaElement> context) {
                if (!scalar.getName().equals("Int") || scalar.getCoercing() instanceof WholeNumbers) {
                    return TraversalControl.CONTINUE;
                }
                return changeNode(context, scalar.transform(b -> b.coercing(new WholeNumbers(scalar.getCoercing()))));
            }
        });
    }

    @Override
    public Object serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
        return wrapped.serialize(result, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
        if (input instanceof Number number && !(number instanceof Integer) && !fits(number)) {
            throw new CoercingParseValueException(number + " is not a whole number from " + MIN + " to " + MAX);
        }
        return wrapped.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
            throws CoercingParseLiteralException {
        if (input instanceof IntValue whole && (whole.getValue().compareTo(MIN) < 0 || whole.getValue().compareTo(MAX) > 0)) {
            throw new CoercingParseLiteralException(whole.getValue() + " is outside " + MIN + " to " + MAX);
        }
        return wrapped.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return wrapped.valueToLiteral(input, context, locale);
    }

    private static boolean fits(Number number) {
        try {
            BigDecimal value = new BigDecimal(number.toString());
            return value.stripTrailingZeros().scale() <= 0 && value.compareTo(new BigDecimal(MIN)) >= 0
                    && value.compareTo(new BigDecimal(MAX)) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
