package org.carecircle.api;

import java.util.List;

/**
 * CSV as spreadsheets and QGIS read it: UTF-8 with a byte-order mark (so Excel shows Chinese names),
 * comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.
 */
public final class Csv {
    private final StringBuilder text = new StringBuilder("\uFEFF");

    public Csv(List<String> header) {
        row(header);
    }

    public Csv row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(values.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String plain = value.toString();
        if (plain.indexOf(',') < 0 && plain.indexOf('"') < 0 && plain.indexOf('\n') < 0 && plain.indexOf('\r') < 0) {
            return plain;
        }
        return '"' + plain.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
