package org.carecircle.api;

/**
 * Something an answer needs is not there yet, or not configured (the message says which): try
 * again later. Each feature names its own kind, with its own GraphQL error code; exports answer 503.
 */
public abstract class ServiceUnavailableException extends RuntimeException {
    protected ServiceUnavailableException(String message) {
        super(message);
    }
}
