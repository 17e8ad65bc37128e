package org.carecircle.network;

import io.smallrye.graphql.api.ErrorCode;

/** No walking network to answer with: not configured, still loading, or failed to load (the message says which). */
@ErrorCode("network-unavailable")
public class NetworkUnavailableException extends RuntimeException {
    public NetworkUnavailableException(String message) {
        super(message);
    }
}
