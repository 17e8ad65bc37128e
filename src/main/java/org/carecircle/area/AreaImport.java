package org.carecircle.area;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import org.carecircle.api.ImportLock;
import org.carecircle.api.ImportReport;
import org.carecircle.api.InvalidInputException;
import org.carecircle.api.Violation;
import org.carecircle.api.Violations;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Areas from a GeoJSON FeatureCollection of (Multi)Polygons whose properties give code, name, level,
 * parent code and residents (English or Chinese names). All or nothing; an existing code is updated.
 * Parents may come in the same file: areas are written from the top level down.
 */
@ApplicationScoped
public class AreaImport {
    static final Map<String, String> PROPERTY_ALIASES = Map.ofEntries(
            Map.entry("代码", "code"), Map.entry("区划代码", "code"), Map.entry("名称", "name"), Map.entry("级别", "level"),
            Map.entry("上级代码", "parentCode"), Map.entry("parent", "parentCode"), Map.entry("常住人口", "residents"),
            Map.entry("人口年份", "residentsYear"), Map.entry("来源", "source"));
    static final Map<String, AreaLevel> LEVEL_WORDS = Map.of("区", AreaLevel.DISTRICT, "县", AreaLevel.DISTRICT,
            "区县", AreaLevel.DISTRICT, "街道", AreaLevel.SUBDISTRICT, "镇", AreaLevel.TOWN, "乡", AreaLevel.TOWN,
            "社区", AreaLevel.COMMUNITY);

    @Inject
    AreaService areas;
    @Inject
    ImportLock importLock;

    @Transactional
    public ImportReport importAreas(String content, boolean dryRun) {
        JsonObject collection;
        try {
            collection = Json.createReader(new StringReader(content)).readObject();
        } catch (RuntimeException e) {
            throw new InvalidInputException("content", "is not a JSON object: " + e.getMessage());
        }
        if (!"FeatureCollection".equals(collection.getString("type", null)) || !collection.containsKey("features")
                || collection.getJsonArray("features").isEmpty()) {
            throw new InvalidInputException("content", "must be a GeoJSON FeatureCollection with at least one feature");
        }
        Violations violations = new Violations();
        List<Numbered> inputs = new ArrayList<>();
        List<JsonValue> features = collection.getJsonArray("features");
        for (int f = 0; f < features.size(); f++) {
            AreaInput input = input(features.get(f).asJsonObject(), "feature " + (f + 1), violations);
            if (input != null) {
                inputs.add(new Numbered(f + 1, input));
            }
        }
        Map<String, Integer> featureOfCode = new HashMap<>();
        for (Numbered numbered : inputs) {
            Integer first = featureOfCode.putIfAbsent(numbered.input().code(), numbered.number());
            violations.check(first == null, "feature " + numbered.number() + " code",
                    "\"" + numbered.input().code() + "\" is also on feature " + first + "; each area once");
        }
        violations.throwIfAny();
        importLock.take("areas");
        inputs.sort(Comparator.comparingInt(numbered -> depth(numbered.input().level())));
        int updated = 0;
        for (Numbered numbered : inputs) {
            boolean exists = Area.findByCode(numbered.input().code()) != null;
            updated += exists ? 1 : 0;
            try {
                if (exists) {
                    areas.update(numbered.input().code(), null, numbered.input());
                } else {
                    areas.create(numbered.input());
                }
            } catch (InvalidInputException e) {
                for (Violation violation : e.violations()) {
                    violations.add("feature " + numbered.number() + violation.field().replaceFirst("^input", ""), violation.reason());
                }
            }
        }
        violations.throwIfAny();
        ImportReport report = new ImportReport(dryRun, inputs.size(), inputs.size() - updated, updated);
        if (dryRun) {
            // parents are checked by writing them: a dry run then undoes the transaction
            QuarkusTransaction.setRollbackOnly();
        }
        return report;
    }

    private record Numbered(int number, AreaInput input) {
    }

    private static int depth(AreaLevel level) {
        return level == AreaLevel.DISTRICT ? 0 : level == AreaLevel.COMMUNITY ? 2 : 1;
    }

    private static AreaInput input(JsonObject feature, String place, Violations violations) {
        JsonObject given = feature.get("properties") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        var properties = Json.createObjectBuilder();
        given.forEach((key, value) -> properties.add(PROPERTY_ALIASES.getOrDefault(key, key), value));
        JsonObject p = properties.build();
        String levelText = text(p, "level");
        AreaLevel level = null;
        if (levelText != null) {
            level = LEVEL_WORDS.get(levelText);
            if (level == null) {
                try {
                    level = AreaLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    violations.add(place + " level", "\"" + levelText + "\" is not one of " + List.of(AreaLevel.values())
                            + " or " + LEVEL_WORDS.keySet());
                }
            }
        }
        violations.check(text(p, "code") != null, place + " code", "is required");
        violations.check(text(p, "name") != null, place + " name", "is required");
        violations.check(levelText != null, place + " level", "is required");
        Integer residents = whole(p, "residents", place, violations);
        Integer year = whole(p, "residentsYear", place, violations);
        JsonObject geometry = feature.get("geometry") instanceof JsonObject object ? object : null;
        violations.check(geometry != null, place + " geometry", "must be a GeoJSON Polygon or MultiPolygon");
        if (text(p, "code") == null || text(p, "name") == null || level == null || geometry == null) {
            return null;
        }
        return new AreaInput(text(p, "code"), text(p, "name"), level, text(p, "parentCode"), geometry, residents, year,
                text(p, "source"), null, null);
    }

    private static String text(JsonObject properties, String key) {
        JsonValue value = properties.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? properties.getString(key) : value.toString();
        return text.isBlank() ? null : text.trim();
    }

    private static Integer whole(JsonObject properties, String key, String place, Violations violations) {
        JsonValue value = properties.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0
                && number.longValue() <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        violations.add(place + " " + key, "must be a whole number of 0 or more (got " + value + ")");
        return null;
    }
}
