package org.carecircle.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {
    @Test
    void eachFailureAfterTheFreeOnesDoublesTheWaitUpToFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle(5);
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed("planner");
            assertEquals(0, throttle.secondsToWait("planner"), "failure " + failure + " is free");
        }
        long[] expected = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
        for (long wait : expected) {
            throttle.failed("planner");
            long left = throttle.secondsToWait("planner");
            assertTrue(left <= wait && left >= wait - 1, "expected about " + wait + " s, got " + left);
        }
        assertEquals(0, throttle.secondsToWait("someone else"));
        throttle.succeeded("planner");
        assertEquals(0, throttle.secondsToWait("planner"));
    }
}
