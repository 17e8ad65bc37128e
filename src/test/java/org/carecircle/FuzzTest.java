package org.carecircle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.carecircle.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fuzzer no one here wrote (hypothesis-graphql, scripts/fuzz/fuzz.py) sends a few hundred generated
 * queries and mutations, valid and malformed, with a fixed seed: every answer must be below HTTP 500
 * and every error a documented refusal, never INTERNAL or "System error". Another seed:
 * {@code -Dcarecircle.fuzz.seed=N}.
 */
@QuarkusTest
class FuzzTest {
    /** Made by scripts/test.sh (the README's test command): a Python with the fuzzer installed. */
    static final Path PYTHON = Path.of(".carecircle/fuzz/bin/python");

    @Inject
    TestDatabase database;

    @Test
    void generatedRequestsFindNoFault() throws Exception {
        assertTrue(Files.isExecutable(PYTHON), "no fuzzer at " + PYTHON + ": run the tests with scripts/test.sh, which installs it");
        database.clear();
        upsertXipuGrid(2.0);
        createInstitution(institution("fuzzed", GRID_WEST + 0.01, GRID_SOUTH + 0.01, classGroup("TODDLER", 20, 5)));
        Process fuzzer = new ProcessBuilder(PYTHON.toString(), "scripts/fuzz/fuzz.py", "--url",
                "http://localhost:" + RestAssured.port, "--examples", "300", "--seed",
                System.getProperty("carecircle.fuzz.seed", "20261128"))
                .redirectErrorStream(true).start();
        String output = new String(fuzzer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, fuzzer.waitFor(), output);
        assertTrue(output.contains("every answer a documented code"), output);
    }
}
