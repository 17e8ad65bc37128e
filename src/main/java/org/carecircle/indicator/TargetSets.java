package org.carecircle.indicator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.carecircle.engine.indicator.Indicator;
import org.carecircle.engine.indicator.TargetSet.Target;
import org.carecircle.engine.indicator.TargetSet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The policies' target sets, kept as data in target-sets.json. */
public final class TargetSets {
    private TargetSets() {
    }

    /** Every target set in the resource, by id, in file order. */
    public static Map<String, TargetSet> load(InputStream json) {
        try (JsonReader reader = Json.createReader(json)) {
            Map<String, TargetSet> sets = new LinkedHashMap<>();
            for (JsonObject set : reader.readObject().getJsonArray("targetSets").getValuesAs(JsonObject.class)) {
                Map<Indicator, Target> targets = new EnumMap<>(Indicator.class);
                set.getJsonObject("targets").forEach((indicator, value) -> {
                    JsonObject target = value.asJsonObject();
                    targets.put(Indicator.valueOf(indicator), new Target(target.getJsonNumber("value").doubleValue(),
                            target.getBoolean("strict", false), target.getString("note", null)));
                });
                sets.put(set.getString("id"), new TargetSet(set.getString("id"), set.getString("name"),
                        set.getString("nameZh", set.getString("name")), set.getString("source"), targets));
            }
            return sets;
        }
    }

    /** The bundled target sets; their ids are those of {@link TargetSetId}, in its order. */
    public static Map<String, TargetSet> bundled() {
        try (InputStream json = TargetSets.class.getResourceAsStream("/target-sets.json")) {
            Map<String, TargetSet> sets = load(json);
            List<String> ids = Stream.of(TargetSetId.values()).map(Enum::name).toList();
            if (!List.copyOf(sets.keySet()).equals(ids)) {
                throw new IllegalStateException("target-sets.json holds " + sets.keySet() + ", TargetSetId " + ids);
            }
            return sets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
