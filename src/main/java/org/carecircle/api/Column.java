package org.carecircle.api;

import java.util.List;

/**
 * A column of an export: its English name, the GraphQL field's, and its Chinese name, the one the import of the
 * same data reads where there is an import. A download names its columns in the language asked for.
 */
public record Column(String english, String chinese) {

    public static List<String> names(List<Column> columns, Language language) {
        return columns.stream().map(column -> language.pick(column.chinese, column.english)).toList();
    }
}
