package org.carecircle.api;

import io.smallrye.graphql.api.ErrorCode;

/** A client named something that does not exist (an id, a code): nothing was written. */
@ErrorCode("not-found")
public class NotFoundException extends RuntimeException {
    public NotFoundException(String field, String what) {
        super(field + ": " + what + " does not exist");
    }
}
