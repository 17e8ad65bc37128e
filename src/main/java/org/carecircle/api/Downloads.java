package org.carecircle.api;

import jakarta.ws.rs.core.Response;

import java.util.Arrays;

/** What the file exports share: reading enum query parameters as GraphQL would, and naming the file. */
public final class Downloads {
    private Downloads() {
    }

    /** The constant named by a query parameter, null if absent; an unknown name is a clear error. */
    public static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "\"" + value + "\" is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        }
    }

    public static Response attachment(String body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
