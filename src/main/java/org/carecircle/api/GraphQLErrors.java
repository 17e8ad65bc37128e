package org.carecircle.api;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Every GraphQL error leaves with one of the {@link ErrorCode}s in {@code extensions.code} and a message in
 * words: no class names, no "System error". A fault of ours is logged with an id that its message gives.
 * Also owns the request-size budget (fields, each alias counting) and the strict whole numbers
 * ({@link WholeNumbers}), since both must be in place before the GraphQL engine is built.
 */
public class GraphQLErrors implements EventingService {
    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*)");

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // built by SmallRye outside CDI, so the limit is read from the configuration itself
        int maxFields = ConfigProvider.getConfig().getValue("carecircle.api.max-query-fields", Integer.class);
        GraphQL built = builder.build();
        // SmallRye's own instrumentation (its query cache) stays first in the chain
        return builder.schema(WholeNumbers.strict(built.getGraphQLSchema())).instrumentation(
                new ChainedInstrumentation(List.of(built.getInstrumentation(), new FieldBudget(maxFields), new Codes())));
    }

    /**
     * Refuses, before anything runs, a request costing more than the budget: each field (each alias)
     * costs 1, each heavy one (a walk search, an analysis, an import) its weight below, a circle 10 for
     * each quarter hour of its reach (15 minutes, or 1,125 m, the distance walked in them at 4.5 km/h),
     * so one request holds at most 20 analyses or 15-minute circles, or 5 of an hour
     * (700 aliased hour-long circles once held the machine for 20 s).
     */
    static final class FieldBudget extends MaxQueryComplexityInstrumentation {
        static final Map<String, Integer> HEAVY = Map.ofEntries(Map.entry("serviceCircle", 10),
                Map.entry("serviceCircles", 10), Map.entry("coverage", 10), Map.entry("coverageCells", 10),
                Map.entry("gapAreas", 10), Map.entry("indicators", 10), Map.entry("compareScenario", 20),
                Map.entry("suggestSites", 20), Map.entry("importInstitutions", 20), Map.entry("importAreas", 20),
                Map.entry("importPopulationCells", 20), Map.entry("upsertPopulationCells", 20),
                Map.entry("estimateFromOsm", 20));

        FieldBudget(int budget) {
            super(budget, (field, children) -> children + (isRoot(field.getParentType().getName())
                    ? HEAVY.getOrDefault(field.getField().getName(), 1) * quarterHours(field.getField().getName(),
                    field.getArguments()) : 1));
        }

        /** A circle's reach in quarter hours, 1 to 4 (longer ones are refused by name when the field runs). */
        static int quarterHours(String field, Map<String, Object> arguments) {
            if (!field.startsWith("serviceCircle")) {
                return 1;
            }
            double quarters = 1;
            for (String limit : List.of("minutes", "metres")) {
                if (arguments.get(limit) instanceof List<?> values) {
                    for (Object value : values) {
                        if (value instanceof Number number) {
                            quarters = Math.max(quarters, number.doubleValue() / (limit.equals("minutes") ? 15 : 1125));
                        }
                    }
                }
            }
            return (int) Math.min(4, Math.ceil(quarters));
        }

        private static boolean isRoot(String type) {
            return type.equals("Query") || type.equals("Mutation");
        }

        @Override
        protected AbortExecutionException mkAbortException(int cost, int budget) {
            return new AbortExecutionException("the request costs " + cost + " (a field or alias 1, a circle, analysis "
                    + "or import 10 to 20); at most " + budget + " may be asked at once: split it into smaller requests");
        }
    }

    private static final class Codes extends SimplePerformantInstrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
            for (GraphQLError error : result.getErrors()) {
                if (!explainedByAnother(error, result.getErrors())) {
                    errors.add(coded(error));
                }
            }
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
        }
    }

    /** A required field left null because its resolver refused (graphql-java reports both): the refusal says it all. */
    private static boolean explainedByAnother(GraphQLError error, List<GraphQLError> all) {
        if (!(error instanceof NonNullableFieldWasNullError) || error.getPath() == null) {
            return false;
        }
        for (GraphQLError other : all) {
            List<Object> path = other.getPath();
            // an argument the GraphQL layer could not convert is reported without a path
            if (other != error && !(other instanceof NonNullableFieldWasNullError) && (path == null
                    || path.size() >= error.getPath().size() && path.subList(0, error.getPath().size()).equals(error.getPath()))) {
                return true;
            }
        }
        return false;
    }

    static GraphQLError coded(GraphQLError error) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message = error.getMessage();
        ErrorCode code;
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable thrown = fetching.getException();
            code = ErrorCode.of(thrown);
            message = message(code, thrown);
            if (thrown instanceof InvalidInputException invalid) {
                extensions.put("violations", invalid.violations().stream()
                        .map(v -> Map.of("field", v.field(), "reason", v.reason())).toList());
            }
        } else {
            code = of(error.getErrorType());
            message = withoutJavaNames(message);
            if (code == ErrorCode.INTERNAL) {
                message = logged(new IllegalStateException(message));
            }
        }
        extensions.put("code", code.name());
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).path(error.getPath())
                .extensions(extensions).build();
    }

    /** The GraphQL layer names the Java type it could not convert to ("Unknown Scalar Type [org.…Origin]"): its simple name says enough. */
    private static String withoutJavaNames(String message) {
        return message == null ? null : QUALIFIED.matcher(message.replaceAll("Unknown Scalar Type \\[([^]]*)]", "$1")).replaceAll("$1");
    }

    private static ErrorCode of(ErrorClassification type) {
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax || type == ErrorType.OperationNotSupported) {
            return ErrorCode.BAD_USER_INPUT;
        } else if (type == ErrorType.ExecutionAborted) {
            return ErrorCode.TOO_EXPENSIVE;
        }
        return ErrorCode.INTERNAL;
    }

    /** The message a client may see for a thrown exception: ours say what was wrong; anything else is logged under an id. */
    public static String message(ErrorCode code, Throwable thrown) {
        return switch (code) {
            case BAD_USER_INPUT, NOT_FOUND, CONFLICT, TOO_EXPENSIVE, NETWORK_UNAVAILABLE -> ownMessage(thrown);
            case UNAUTHENTICATED -> "log in as a planner to do this";
            case FORBIDDEN -> "this needs the planner role";
            case DATABASE_UNAVAILABLE -> {
                LOG.warnf("The database cannot be reached: %s", rootMessage(thrown));
                yield "the database cannot be reached just now: try again shortly";
            }
            case INTERNAL -> logged(thrown);
        };
    }

    /** Our own exceptions speak to the client; a library's (a stale row, a duplicate key) get a message in words. */
    private static String ownMessage(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().startsWith("org.carecircle.")) {
                return cause.getMessage();
            }
        }
        return "someone else saved this in between, or the same work is running: read it again, then retry";
    }

    private static String logged(Throwable thrown) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(thrown, "Internal error %s", id);
        return "internal error " + id + ": the service's log has the details";
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
