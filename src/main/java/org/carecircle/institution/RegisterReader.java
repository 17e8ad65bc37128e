package org.carecircle.institution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.carecircle.api.CoordinateSystem;
import org.carecircle.api.CsvReader;
import org.carecircle.api.GeoJson;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.ServiceRegion;
import org.carecircle.api.Violations;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an institution register (CSV with a header row, or a GeoJSON FeatureCollection of points
 * whose properties use the same column names) into institution inputs, recording every bad value
 * under "line N column" or "feature N property" without stopping at the first.
 */
public final class RegisterReader {
    /** One institution of the file and where it stands in it ("line 3", "feature 2"). */
    public record Entry(String place, InstitutionInput input) {
    }

    private static final int MAX_RECORD_LENGTH = 10_000;

    private RegisterReader() {
    }

    public static List<Entry> csv(String text, CoordinateSystem coordinates, Violations violations) {
        List<CsvReader.Row> rows = CsvReader.read(text, MAX_RECORD_LENGTH, "content");
        if (rows.isEmpty()) {
            throw new InvalidInputException("content", "is empty: give a header row and one row per institution");
        }
        List<String> header = rows.get(0).fields();
        String[] canonical = new String[header.size()];
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            canonical[c] = RegisterColumns.canonical(header.get(c));
            if (RegisterColumns.derived(header.get(c).trim())) {
                continue;
            }
            if (canonical[c] == null) {
                violations.add("line 1 column " + (c + 1), "\"" + header.get(c) + "\" is not a known column; known: "
                        + RegisterColumns.ALIASES.keySet() + " or their Chinese names (README)");
            } else if (!seen.add(canonical[c])) {
                violations.add("line 1 column " + (c + 1), "\"" + header.get(c) + "\" repeats the column " + canonical[c]);
            }
        }
        for (String required : RegisterColumns.REQUIRED) {
            violations.check(seen.contains(required), "line 1", "has no " + required + " column ("
                    + String.join(" / ", RegisterColumns.ALIASES.get(required)) + ")");
        }
        violations.throwIfAny();
        List<Entry> entries = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String place = "line " + row.line();
            if (row.fields().size() != header.size()) {
                violations.add(place, "has " + row.fields().size() + " fields where the header has " + header.size());
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> labels = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (canonical[c] == null) {
                    continue;
                }
                values.put(canonical[c], row.fields().get(c).trim());
                labels.put(canonical[c], place + " " + header.get(c).trim());
            }
            entries.add(new Entry(place, input(values, labels, null, coordinates, violations)));
        }
        return entries;
    }

    public static List<Entry> geoJson(String text, CoordinateSystem coordinates, Violations violations) {
        JsonObject collection;
        try {
            collection = Json.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            throw new InvalidInputException("content", "is not a JSON object: " + e.getMessage());
        }
        if (!"FeatureCollection".equals(collection.getString("type", null)) || !collection.containsKey("features")) {
            throw new InvalidInputException("content", "must be a GeoJSON FeatureCollection");
        }
        List<Entry> entries = new ArrayList<>();
        List<JsonValue> features = collection.getJsonArray("features");
        for (int f = 0; f < features.size(); f++) {
            String place = "feature " + (f + 1);
            JsonObject feature = features.get(f).asJsonObject();
            JsonObject properties = feature.containsKey("properties") && feature.get("properties") instanceof JsonObject found
                    ? found : JsonValue.EMPTY_JSON_OBJECT;
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> labels = new HashMap<>();
            properties.forEach((key, value) -> {
                String name = RegisterColumns.canonical(key);
                if (name == null) {
                    violations.add(place + " property " + key, "is not a known property; known: "
                            + RegisterColumns.ALIASES.keySet() + " or their Chinese names");
                } else {
                    values.put(name, value.getValueType() == JsonValue.ValueType.STRING
                            ? properties.getString(key).trim() : value.getValueType() == JsonValue.ValueType.NULL ? "" : value.toString());
                    labels.put(name, place + " property " + key);
                }
            });
            Double[] point = point(feature.get("geometry"), place + " geometry", violations);
            entries.add(new Entry(place, input(values, labels, point, coordinates, violations)));
        }
        return entries;
    }

    private static Double[] point(JsonValue geometry, String field, Violations violations) {
        if (geometry instanceof JsonObject object && "Point".equals(object.getString("type", null))
                && object.getJsonArray("coordinates") != null && object.getJsonArray("coordinates").size() >= 2) {
            try {
                return new Double[] {object.getJsonArray("coordinates").getJsonNumber(0).doubleValue(),
                        object.getJsonArray("coordinates").getJsonNumber(1).doubleValue()};
            } catch (ClassCastException e) {
                // reported below
            }
        }
        violations.add(field, "must be a GeoJSON Point with numeric [longitude, latitude]");
        return null;
    }

    /** One institution from its values by canonical column; {@code point} when the geometry gave it. */
    private static InstitutionInput input(Map<String, String> values, Map<String, String> labels, Double[] point,
                                          CoordinateSystem coordinates, Violations violations) {
        Values read = new Values(values, labels, violations);
        Double longitude = point != null ? point[0] : read.number(RegisterColumns.LONGITUDE, true);
        Double latitude = point != null ? point[1] : read.number(RegisterColumns.LATITUDE, true);
        JsonObject location = null;
        if (longitude != null && latitude != null) {
            ServiceRegion region = ServiceRegion.get();
            String refusal = region.refusal(longitude, latitude);
            if (read.check(refusal == null, region.beyondLatitudes(latitude) ? RegisterColumns.LATITUDE
                    : RegisterColumns.LONGITUDE, refusal)) {
                double[] wgs84 = coordinates.toWgs84(longitude, latitude);
                location = GeoJson.JSON.createObjectBuilder().add("type", "Point")
                        .add("coordinates", GeoJson.JSON.createArrayBuilder().add(wgs84[0]).add(wgs84[1])).build();
            }
        }
        List<ClassGroupInput> groups = new ArrayList<>();
        Integer[] slots = {read.count(RegisterColumns.INFANT_SLOTS), read.count(RegisterColumns.TODDLER_SLOTS),
                read.count(RegisterColumns.OLDER_TODDLER_SLOTS)};
        Integer[] enrolled = {read.count(RegisterColumns.INFANT_ENROLLED), read.count(RegisterColumns.TODDLER_ENROLLED),
                read.count(RegisterColumns.OLDER_TODDLER_ENROLLED)};
        Integer total = read.count(RegisterColumns.ENROLLED);
        if (total != null && enrolled[0] == null && enrolled[1] == null && enrolled[2] == null) {
            spread(total, slots, enrolled, read);
        }
        AgeGroup[] ages = AgeGroup.values();
        for (int a = 0; a < ages.length; a++) {
            if (slots[a] != null) {
                groups.add(new ClassGroupInput(ages[a], null, slots[a], enrolled[a]));
            } else {
                read.check(enrolled[a] == null, List.of(RegisterColumns.INFANT_ENROLLED, RegisterColumns.TODDLER_ENROLLED,
                        RegisterColumns.OLDER_TODDLER_ENROLLED).get(a), "children enrolled in a class group without slots");
            }
        }
        return new InstitutionInput(read.text(RegisterColumns.NAME), read.text(RegisterColumns.ADDRESS), location,
                read.constant(RegisterColumns.OWNERSHIP, Ownership.class, RegisterColumns.OWNERSHIP_WORDS, true),
                read.constant(RegisterColumns.KIND, InstitutionKind.class, RegisterColumns.KIND_WORDS, true),
                read.yesNo(RegisterColumns.INCLUSIVE), read.yesNo(RegisterColumns.REGISTERED), read.grade(),
                read.constant(RegisterColumns.DEMONSTRATION, Demonstration.class, RegisterColumns.DEMONSTRATION_WORDS, false),
                read.yesNo(RegisterColumns.OPEN_TO_PUBLIC),
                read.constant(RegisterColumns.STATUS, InstitutionStatus.class, RegisterColumns.STATUS_WORDS, false),
                read.serviceModes(), groups, read.text(RegisterColumns.EXTERNAL_ID), read.text(RegisterColumns.SOURCE),
                null, null);
    }

    /**
     * A register that gives only the total enrolled: shared among the class groups in proportion to
     * their slots (largest remainders), since the groups' own figures are unknown.
     */
    private static void spread(int total, Integer[] slots, Integer[] enrolled, Values read) {
        int all = 0;
        for (Integer s : slots) {
            all += s == null ? 0 : s;
        }
        if (!read.check(total <= all, RegisterColumns.ENROLLED, total + " enrolled is more than the " + all + " slots")) {
            return;
        }
        int given = 0;
        double[] remainder = new double[slots.length];
        for (int a = 0; a < slots.length; a++) {
            if (slots[a] != null && all > 0) {
                double share = (double) total * slots[a] / all;
                enrolled[a] = (int) Math.floor(share);
                remainder[a] = share - enrolled[a];
                given += enrolled[a];
            }
        }
        while (given < total) {
            int best = -1;
            for (int a = 0; a < slots.length; a++) {
                if (slots[a] != null && enrolled[a] < slots[a] && (best < 0 || remainder[a] > remainder[best])) {
                    best = a;
                }
            }
            enrolled[best]++;
            remainder[best] = -1;
            given++;
        }
    }

    /** Typed reads of one record's values, each problem recorded under its line and column. */
    private record Values(Map<String, String> values, Map<String, String> labels, Violations violations) {
        String text(String column) {
            String value = values.get(column);
            return value == null || value.isEmpty() ? null : value;
        }

        boolean check(boolean ok, String column, String reason) {
            return violations.check(ok, labels.getOrDefault(column, column), reason);
        }

        Double number(String column, boolean required) {
            String value = text(column);
            if (value == null) {
                check(!required, column, "is required");
                return null;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                check(false, column, "\"" + value + "\" is not a number");
                return null;
            }
        }

        Integer count(String column) {
            Double value = number(column, false);
            if (value == null) {
                return null;
            }
            if (check(value == Math.rint(value) && value >= 0 && value <= InstitutionValidator.MAX_PER_GROUP, column,
                    "must be a whole number from 0 to " + InstitutionValidator.MAX_PER_GROUP + " (got " + text(column) + ")")) {
                return value.intValue();
            }
            return null;
        }

        Boolean yesNo(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            Boolean found = RegisterColumns.YES_NO.get(value.toLowerCase(Locale.ROOT));
            check(found != null, column, "\"" + value + "\" is not yes or no (是/否, true/false, 1/0)");
            return found;
        }

        Integer grade() {
            String value = text(RegisterColumns.GRADE);
            if (value == null || value.equals("无")) {
                return null;
            }
            Integer word = RegisterColumns.GRADE_WORDS.get(value);
            return word != null ? word : count(RegisterColumns.GRADE);
        }

        <E extends Enum<E>> E constant(String column, Class<E> type, Map<String, E> words, boolean required) {
            String value = text(column);
            if (value == null) {
                check(!required, column, "is required");
                return null;
            }
            if (words.containsKey(value)) {
                return words.get(value);
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                check(false, column, "\"" + value + "\" is not one of " + EnumSet.allOf(type) + " or " + words.keySet());
                return null;
            }
        }

        List<ServiceMode> serviceModes() {
            String value = text(RegisterColumns.SERVICE_MODES);
            if (value == null) {
                return null;
            }
            List<ServiceMode> modes = new ArrayList<>();
            for (String part : value.split("[;；、|]")) {
                ServiceMode mode = RegisterColumns.SERVICE_MODE_WORDS.get(part.trim());
                if (mode == null) {
                    try {
                        mode = ServiceMode.valueOf(part.trim().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        check(false, RegisterColumns.SERVICE_MODES, "\"" + part.trim() + "\" is not one of "
                                + EnumSet.allOf(ServiceMode.class) + " or " + RegisterColumns.SERVICE_MODE_WORDS.keySet());
                        continue;
                    }
                }
                modes.add(mode);
            }
            return modes;
        }
    }
}
