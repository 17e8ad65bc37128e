package org.carecircle.api;

/** One rejected input: the field's path as the client wrote it (e.g. {@code input.classGroups[1].enrolled}) and why. */
public record Violation(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
