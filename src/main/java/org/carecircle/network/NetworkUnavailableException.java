package org.carecircle.network;

import io.smallrye.graphql.api.ErrorCode;
import org.carecircle.api.ServiceUnavailableException;

/** No walking network to answer with: not configured, still loading, or failed to load (the message says which). */
@ErrorCode("network-unavailable")
public class NetworkUnavailableException extends ServiceUnavailableException {
    public NetworkUnavailableException(String message) {
        super(message);
    }
}
