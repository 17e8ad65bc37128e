package org.carecircle.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects every problem of one input before failing, so a client can fix them all at once. */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String reason) {
        found.add(new Violation(field, reason));
        return this;
    }

    /** Records {@code reason} for {@code field} unless {@code ok}; returns {@code ok}. */
    public boolean check(boolean ok, String field, String reason) {
        if (!ok) {
            add(field, reason);
        }
        return ok;
    }

    public void requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "must not be empty");
        } else {
            optionalText(value, field, maxLength);
        }
    }

    /** Text of at most {@code maxLength} characters and no control characters (a NUL once failed deep in PostgreSQL). */
    public void optionalText(String value, String field, int maxLength) {
        if (value != null && check(value.length() <= maxLength, field, "is longer than " + maxLength + " characters")) {
            value.chars().filter(Character::isISOControl).findFirst().ifPresent(control -> add(field,
                    String.format(Locale.ROOT, "holds the control character U+%04X; names and addresses are plain text", control)));
        }
    }

    /** A required count: a finite number from 0 to {@code most}; true if it is one. */
    public boolean count(Number value, double most, String field) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        return check(value.doubleValue() >= 0 && value.doubleValue() <= most, field,
                "must be a number from 0 to " + plain(most) + " (got " + value + ")");
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.valueOf(value);
    }

    /** Estimates are never presented as facts: an estimated value must say how it was derived. */
    public void estimate(boolean estimated, String method, String field) {
        check(!estimated || (method != null && !method.isBlank()), field,
                "must describe how the estimate was made when estimated is true");
        optionalText(method, field, 2000);
    }

    /**
     * Each element of an optional list is there; true if none is missing. GraphQL input lists hold no nulls (the
     * schema refuses them), but a list read from query parameters may.
     */
    public boolean elements(List<?> values, String field) {
        boolean ok = true;
        for (int i = 0; values != null && i < values.size(); i++) {
            ok &= check(values.get(i) != null, field + "[" + i + "]", "is required: a value, not null");
        }
        return ok;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
