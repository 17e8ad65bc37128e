package org.carecircle.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Numbers and flags in query strings read strictly, refused by name: {@code dryRun=1} or
 * {@code dryRun=yes} is an error (a lenient reading took both for false and imported for real),
 * {@code minutes=abc} is a 400 naming {@code minutes} (not a bare 404), and only finite numbers pass.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        if (name == null) {
            return null;
        }
        String field = name;
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(text -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new InvalidInputException(field, "\"" + text + "\" is neither true nor false");
            });
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) converter(text -> {
                double value = number(text, field);
                if (!Double.isFinite(value)) {
                    throw new InvalidInputException(field, "\"" + text + "\" is not a finite number");
                }
                return value;
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(text -> {
                double value = number(text, field);
                if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw new InvalidInputException(field, "\"" + text + "\" is not a whole number within ±2,147,483,647");
                }
                return (int) value;
            });
        }
        return null;
    }

    private static double number(String text, String field) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "\"" + text + "\" is not a number");
        }
    }

    private static <V> ParamConverter<V> converter(Function<String, V> read) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null ? null : read.apply(value);
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}
