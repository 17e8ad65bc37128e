package org.carecircle.api;

/** Someone else changed the thing in between, or the same work is already running: nothing was written. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
