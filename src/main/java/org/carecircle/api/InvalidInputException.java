package org.carecircle.api;


import java.util.List;
import java.util.stream.Collectors;

/** Bad input: nothing was written. The message names every field and its reason. */
public class InvalidInputException extends RuntimeException {
    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
