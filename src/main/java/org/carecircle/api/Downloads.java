package org.carecircle.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the file exports share: reading enum query parameters as GraphQL would, naming the file, and
 * streaming the rows or features as they are made, so a city's export never sits whole in memory.
 * Callers check their parameters and compute what they export before streaming: a refusal is then a
 * clear error, not a broken download.
 */
public final class Downloads {
    private static final int BUFFER = 1 << 16;

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

    /** A CSV file whose rows {@code rows} writes one by one. */
    public static Response csv(String fileName, List<String> header, Consumer<Csv> rows) {
        return file((StreamingOutput) output -> {
            Writer writer = writer(output);
            rows.accept(new Csv(writer, header));
            writer.flush();
        }, fileName);
    }

    /** A GeoJSON FeatureCollection whose features {@code features} hands over one by one. */
    public static Response featureCollection(String fileName, Consumer<Consumer<JsonObject>> features) {
        return file((StreamingOutput) output -> {
            Writer writer = writer(output);
            writer.write("{\"type\":\"FeatureCollection\",\"features\":[");
            boolean[] first = {true};
            features.accept(feature -> {
                try {
                    writer.write(first[0] ? "" : ",");
                    writer.write(feature.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                first[0] = false;
            });
            writer.write("]}");
            writer.flush();
        }, fileName);
    }

    /** A document already made whole (small: a ranked list, one report). */
    public static Response attachment(String body, String fileName) {
        return file(body, fileName);
    }

    /** The body, a string or a {@link StreamingOutput}, as a download named {@code fileName}. */
    private static Response file(Object body, String fileName) {
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static Writer writer(OutputStream output) {
        return new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), BUFFER);
    }
}
