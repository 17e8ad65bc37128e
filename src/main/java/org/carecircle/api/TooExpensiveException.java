package org.carecircle.api;

/** More than one request may ask for; the message says which bound and what to do. */
public class TooExpensiveException extends RuntimeException {
    public TooExpensiveException(String message) {
        super(message);
    }
}
