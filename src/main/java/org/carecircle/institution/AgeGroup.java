package org.carecircle.institution;

/** Class groups: 乳儿班 (6–12 months), 托小班 (12–24), 托大班 (24–36). */
public enum AgeGroup {
    INFANT, TODDLER, OLDER_TODDLER
}
