package org.carecircle.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging cursors over ascending ids: new rows get larger ids, so pages stay stable under inserts. */
public final class Cursor {
    private static final String PREFIX = "id:";

    private Cursor() {
    }

    public static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which the next page starts; 0 for the first page. */
    public static long decode(String cursor, String field, Violations violations) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return Long.parseLong(text.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the violation below
        }
        violations.add(field, "is not a cursor this API returned");
        return 0;
    }
}
