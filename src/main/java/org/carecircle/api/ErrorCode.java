package org.carecircle.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The stable codes every failure carries: GraphQL errors as {@code extensions.code}, uploads, exports
 * and tiles as {@code errors[].code} beside their HTTP status. Clients branch on these, never on messages.
 */
public enum ErrorCode {
    BAD_USER_INPUT(400, "A field or parameter is missing, malformed or out of bounds; the error names it. Nothing was written."),
    UNAUTHENTICATED(401, "No login, or a wrong one."),
    FORBIDDEN(403, "Logged in, but without the planner role (or from a foreign page)."),
    NOT_FOUND(404, "An id, code or scenario that does not exist."),
    CONFLICT(409, "Someone saved in between (a stale version) or the same import is already running: read again, then retry."),
    TOO_EXPENSIVE(429, "The request asks for more than one request may (fields, circles, heavy work at once): split it or "
            + "retry later."),
    NETWORK_UNAVAILABLE(503, "The walking network is not loaded (not configured, still loading, or failed)."),
    DATABASE_UNAVAILABLE(503, "PostgreSQL cannot be reached: retry shortly."),
    INTERNAL(500, "A fault of the service; its log holds the details under the id the message gives.");

    private final int httpStatus;
    private final String meaning;

    ErrorCode(int httpStatus, String meaning) {
        this.httpStatus = httpStatus;
        this.meaning = meaning;
    }

    /** What the code means, in the words the schema and the API guide give. */
    public String meaning() {
        return meaning;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** What kind of failure a thrown exception is, looking through its causes. */
    public static ErrorCode of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            ErrorCode code = direct(cause);
            if (code != null) {
                return code;
            }
        }
        return INTERNAL;
    }

    private static ErrorCode direct(Throwable cause) {
        if (cause instanceof InvalidInputException) {
            return BAD_USER_INPUT;
        } else if (cause instanceof NotFoundException) {
            return NOT_FOUND;
        } else if (cause instanceof ConflictException || cause instanceof OptimisticLockException
                || cause instanceof StaleStateException) {
            return CONFLICT;
        } else if (cause instanceof TooExpensiveException) {
            return TOO_EXPENSIVE;
        } else if (cause instanceof ServiceUnavailableException) {
            return NETWORK_UNAVAILABLE;
        } else if (cause instanceof UnauthorizedException || cause instanceof AuthenticationFailedException) {
            return UNAUTHENTICATED;
        } else if (cause instanceof ForbiddenException) {
            return FORBIDDEN;
        } else if (cause instanceof SQLTransientConnectionException) {
            return DATABASE_UNAVAILABLE;
        } else if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return ofSqlState(sql.getSQLState());
        }
        return null;
    }

    /** PostgreSQL's SQLSTATE classes: 08 connection, 57P0x shutting down, 53300 too many connections. */
    private static ErrorCode ofSqlState(String state) {
        if (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")) {
            return DATABASE_UNAVAILABLE;
        } else if (state.equals("23505") || state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return CONFLICT;
        }
        return null;
    }
}
