package org.carecircle.engine.indicator;

/** The policy indicators of ../shared/DOMAIN.md that CareCircle computes per area. */
public enum Indicator {
    SLOTS_PER_THOUSAND_RESIDENTS("slots per 1,000 residents", "slots ÷ residents × 1,000"),
    INCLUSIVE_SHARE("inclusive slot share", "inclusive slots ÷ all slots"),
    PUBLIC_SHARE("public slot share", "slots of PUBLIC and PUBLIC_BUILT_PRIVATELY_RUN institutions that are not kindergartens ÷ all slots"),
    UNDER_2_SHARE("under-2 slot share", "INFANT and TODDLER slots ÷ all slots"),
    UTILIZATION("utilization", "enrolled ÷ slots"),
    ENROLLMENT_RATE("enrollment rate", "enrolled ÷ children under 3 (population grid)"),
    SUBDISTRICT_INCLUSIVE_COVERAGE("subdistrict inclusive coverage",
            "subdistricts and towns with at least one inclusive institution ÷ all of them"),
    SUBDISTRICT_INSTITUTION_COVERAGE("town/subdistrict institution coverage",
            "subdistricts and towns with at least one institution ÷ all of them"),
    LARGE_AREA_PUBLIC_MODEL_COVERAGE("public demonstration coverage of large areas",
            "subdistricts and towns of 50,000 or more residents with a public, inclusive demonstration institution ÷ all such"),
    GRADED_SHARE("graded institutions", "institutions with a grade ÷ all institutions"),
    LIFE_CIRCLE_5_MINUTE_RATE("5-minute community life circle configuration rate",
            "populated grid cells (the life-circle units) whose centre walks to an institution within 5 minutes ÷ all populated cells"),
    SERVICE_CIRCLE_15_MINUTE_COVERAGE("15-minute service circle coverage with capacity",
            "children wanting a place who get one within a 15-minute walk (capacity allocation) ÷ all children wanting a place");

    public final String label;
    public final String definition;

    Indicator(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }
}
