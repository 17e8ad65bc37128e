package org.carecircle.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A circle weighs by the quarter hours it reaches (a 60-minute walk searches far more than a 5-minute one). */
class FieldBudgetTest {
    @Test
    void aCircleWeighsByItsReach() {
        assertEquals(1, GraphQLErrors.FieldBudget.quarterHours("serviceCircle", Map.of()));
        assertEquals(1, GraphQLErrors.FieldBudget.quarterHours("serviceCircle", Map.of("minutes", List.of(5.0, 15.0))));
        assertEquals(4, GraphQLErrors.FieldBudget.quarterHours("serviceCircle", Map.of("minutes", List.of(5.0, 60.0))));
        assertEquals(2, GraphQLErrors.FieldBudget.quarterHours("serviceCircles", Map.of("metres", List.of(300.0, 1500.0))));
        // beyond the longest allowed walk the field refuses it by name; the weight stays bounded
        assertEquals(4, GraphQLErrors.FieldBudget.quarterHours("serviceCircle", Map.of("minutes", List.of(1e308))));
        assertEquals(1, GraphQLErrors.FieldBudget.quarterHours("coverage", Map.of("minutes", List.of(60.0))));
    }
}
