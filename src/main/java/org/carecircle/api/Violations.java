package org.carecircle.api;

import java.util.ArrayList;
import java.util.List;

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
            check(value.length() <= maxLength, field, "is longer than " + maxLength + " characters");
        }
    }

    public void optionalText(String value, String field, int maxLength) {
        if (value != null) {
            check(value.length() <= maxLength, field, "is longer than " + maxLength + " characters");
        }
    }

    public void nonNegative(Number value, String field) {
        if (value == null) {
            add(field, "is required");
        } else {
            check(Double.isFinite(value.doubleValue()), field, "must be a finite number");
            check(value.doubleValue() >= 0, field, "must not be negative (got " + value + ")");
        }
    }

    /** Estimates are never presented as facts: an estimated value must say how it was derived. */
    public void estimate(boolean estimated, String method, String field) {
        check(!estimated || (method != null && !method.isBlank()), field,
                "must describe how the estimate was made when estimated is true");
        optionalText(method, field, 2000);
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
