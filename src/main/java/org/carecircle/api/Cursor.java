package org.carecircle.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors holding a row's sort key (an id, a code, a name, a rank): a page starts after or
 * before a key, not at an offset, so pages stay stable when rows are inserted.
 */
public final class Cursor {
    private static final String PREFIX = "key:";

    private Cursor() {
    }

    public static String encode(Object key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor holds, or null (and a violation) when this API did not make it. */
    static String decode(String cursor, String field, Violations violations) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the violation below
        }
        violations.add(field, "is not a cursor this API returned");
        return null;
    }
}
