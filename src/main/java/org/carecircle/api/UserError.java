package org.carecircle.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

@Type("UserError")
@Description("Why a mutation refused its input, for a form to show beside the field; nothing was written")
public record UserError(@Description("The field's path as the request wrote it (input.classGroups[1].enrolled), "
                                + "or null when the refusal concerns the whole request") String field,
                        @NonNull @Description("Why, in words") String message,
                        @NonNull @Description("BAD_USER_INPUT (malformed or out of bounds), NOT_FOUND (an id or code "
                                + "that does not exist) or CONFLICT (someone saved in between, or the same import is "
                                + "running): the same codes GraphQL errors carry") ErrorCode code) {

    /**
     * Runs a mutation and gives its payload holding the result; a refusal of the input (invalid, unknown,
     * stale) gives the payload with a null result and the refusal as userErrors instead. Every other failure
     * stays a GraphQL error.
     */
    public static <T, P> P payload(Supplier<T> mutation, BiFunction<T, List<UserError>, P> payload) {
        List<UserError> refused;
        try {
            return payload.apply(mutation.get(), List.of());
        } catch (InvalidInputException e) {
            refused = e.violations().stream()
                    .map(violation -> new UserError(violation.field(), violation.reason(), ErrorCode.BAD_USER_INPUT)).toList();
        } catch (NotFoundException e) {
            refused = List.of(new UserError(e.field(), e.reason(), ErrorCode.NOT_FOUND));
        } catch (ConflictException e) {
            refused = List.of(new UserError(null, e.getMessage(), ErrorCode.CONFLICT));
        }
        return payload.apply(null, refused);
    }
}
