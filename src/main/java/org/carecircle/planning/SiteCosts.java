package org.carecircle.planning;

/**
 * What a new inclusive site costs the government under Yubei's subsidies (DOMAIN.md, Money): an
 * opening incentive of 3,000 CNY a slot (at most 450,000, paid over two years), a yearly operating
 * subsidy per enrolled child by age group (900 INFANT, 800 TODDLER, 700 OLDER_TODDLER) and a yearly
 * rent subsidy of 6 m² a slot at 10 CNY per m² a month. Enrolled children are those the site newly
 * covers; the age mix is the default site's (1 : 2 : 3). A site that is not inclusive earns none.
 */
public record SiteCosts(double openingIncentive, double operatingSubsidyPerYear, double rentSubsidyPerYear) {
    static final double OPENING_PER_SLOT = 3_000;
    static final double OPENING_CAP = 450_000;
    /** 900 × 1/6 + 800 × 2/6 + 700 × 3/6. */
    static final double OPERATING_PER_CHILD = (900.0 + 2 * 800 + 3 * 700) / 6;
    static final double RENT_PER_SLOT_PER_YEAR = 6 * 10 * 12;

    public static SiteCosts of(int slots, double children, boolean inclusive) {
        if (!inclusive) {
            return new SiteCosts(0, 0, 0);
        }
        return new SiteCosts(Math.min(OPENING_PER_SLOT * slots, OPENING_CAP),
                Math.round(OPERATING_PER_CHILD * Math.min(children, slots)), RENT_PER_SLOT_PER_YEAR * slots);
    }
}
