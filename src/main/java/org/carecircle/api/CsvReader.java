package org.carecircle.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as spreadsheets write it (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), keeping the line on which each record starts so errors can name it.
 */
public final class CsvReader {
    /** A record: the line it starts on (1 = the header) and its fields. */
    public record Row(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    /**
     * The file's text: strictly in the given charset (a byte that is not, is an error naming its
     * offset), without a byte-order mark.
     */
    public static String decode(byte[] content, Charset charset, String field) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "is not valid " + charset.name()
                    + " text; save the file as UTF-8 (in Excel: \"CSV UTF-8\"), or say which encoding it is in (e.g. GB18030)");
        }
    }

    /** Every record; refuses a record longer than {@code maxRecordLength} characters, naming its line. */
    public static List<Row> read(String text, int maxRecordLength, String field) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int line = 1, start = 1, recordStart = 0;
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i - recordStart > maxRecordLength) {
                throw new InvalidInputException(field + " line " + start,
                        "is longer than " + maxRecordLength + " characters; is a quote left open?");
            }
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    value.append(c);
                }
            } else if (c == '"' && value.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(value.toString());
                value.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !value.isEmpty()) {
                    fields.add(value.toString());
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                value.setLength(0);
                any = false;
                line++;
                start = line;
                recordStart = i + 1;
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException(field + " line " + start, "a quoted field is never closed");
        }
        if (any || !value.isEmpty()) {
            fields.add(value.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }
}
