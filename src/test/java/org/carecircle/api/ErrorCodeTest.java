package org.carecircle.api;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each kind of failure, however deeply wrapped, gets its documented code; anything unknown is INTERNAL. */
class ErrorCodeTest {
    @Test
    void ownExceptionsKeepTheirCodes() {
        assertEquals(ErrorCode.BAD_USER_INPUT, ErrorCode.of(new RuntimeException(new InvalidInputException("a", "b"))));
        assertEquals(ErrorCode.NOT_FOUND, ErrorCode.of(new NotFoundException("id", "institution 5")));
        assertEquals(ErrorCode.CONFLICT, ErrorCode.of(new ConflictException("saved in between")));
        assertEquals(ErrorCode.TOO_EXPENSIVE, ErrorCode.of(new TooExpensiveException("too many")));
        assertEquals(ErrorCode.UNAUTHENTICATED, ErrorCode.of(new UnauthorizedException()));
        assertEquals(ErrorCode.FORBIDDEN, ErrorCode.of(new ForbiddenException()));
    }

    /** PostgreSQL down (refused connection, pool timeout, shutting down) is DATABASE_UNAVAILABLE, not a fault of ours. */
    @Test
    void anUnreachableDatabaseIsSaidSo() {
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.of(new PersistenceException("could not open",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.of(new SQLTransientConnectionException("acquisition timeout")));
        assertEquals(ErrorCode.DATABASE_UNAVAILABLE, ErrorCode.of(new java.sql.SQLException("terminating connection", "57P01")));
    }

    @Test
    void stalesAndDuplicatesAreConflicts() {
        assertEquals(ErrorCode.CONFLICT, ErrorCode.of(new OptimisticLockException("stale")));
        assertEquals(ErrorCode.CONFLICT, ErrorCode.of(new PersistenceException(new PSQLException("duplicate key", PSQLState.UNIQUE_VIOLATION))));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.of(new PSQLException("syntax", PSQLState.SYNTAX_ERROR)));
        assertEquals(ErrorCode.INTERNAL, ErrorCode.of(new IllegalStateException("a bug")));
    }
}
