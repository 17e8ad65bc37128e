package org.carecircle.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as spreadsheets and QGIS read it: UTF-8 with a byte-order mark (so Excel shows Chinese names),
 * comma-separated, CRLF line ends, fields quoted when they hold a comma, quote or line break.
 * Rows go straight to the writer, so an export of any size never sits whole in memory.
 */
public final class Csv {
    private final Writer out;

    public Csv(Writer out, List<String> header) {
        this.out = out;
        write("\uFEFF");
        row(header);
    }

    public Csv row(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values.get(i)));
        }
        write(line.append("\r\n").toString());
        return this;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
