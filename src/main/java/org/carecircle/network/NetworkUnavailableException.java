package org.carecircle.network;

import org.carecircle.api.ServiceUnavailableException;

/** No walking network to answer with: not configured, still loading, or failed to load (the message says which). */
public class NetworkUnavailableException extends ServiceUnavailableException {
    public NetworkUnavailableException(String message) {
        super(message);
    }
}
