package org.carecircle.api;


/** A client named something that does not exist (an id, a code): nothing was written. */
public class NotFoundException extends RuntimeException {
    private final String field;
    private final String reason;

    public NotFoundException(String field, String what) {
        super(field + ": " + what + " does not exist");
        this.field = field;
        this.reason = what + " does not exist";
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
