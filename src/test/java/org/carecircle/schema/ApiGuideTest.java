package org.carecircle.schema;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.carecircle.GraphQL;
import org.carecircle.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.carecircle.Fixtures.classGroup;
import static org.carecircle.Fixtures.createInstitution;
import static org.carecircle.Fixtures.institution;
import static org.carecircle.Fixtures.upsertXipuGrid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every GraphQL example of docs/api.md runs on the Xipu test grid and answers without an error or a refusal. */
@QuarkusTest
class ApiGuideTest {
    private static final Pattern EXAMPLE = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

    @Inject
    TestDatabase database;

    @Test
    void everyExampleOfTheGuideRuns() throws Exception {
        database.clear();
        upsertXipuGrid(2.0);
        long existing = createInstitution(institution("existing", 103.975, 30.77, classGroup("OLDER_TODDLER", 20, 5)));
        String save = "mutation($input: ScenarioInput!) { saveScenario(input: $input) { scenario { name } " + GraphQL.USER_ERRORS + " } }";
        GraphQL.ok(save, Map.of("input", Map.of("name", "guide", "closed", List.of(String.valueOf(existing)))));
        GraphQL.ok(save, Map.of("input", Map.of("name", "guide, bigger", "resized", List.of(Map.of(
                "institutionId", String.valueOf(existing), "classGroups", List.of(classGroup("OLDER_TODDLER", 40, 5)))))));

        List<String> examples = new ArrayList<>();
        Matcher matcher = EXAMPLE.matcher(Files.readString(Path.of("docs/api.md")));
        while (matcher.find()) {
            examples.add(matcher.group(1));
        }
        assertEquals(11, examples.size(), "the guide's examples");
        for (String example : examples) {
            Map<String, Object> data = GraphQL.ok(example, null).getMap("data");
            assertNotNull(data, example);
            assertFalse(data.isEmpty(), example);
        }
    }
}
