package org.carecircle.indicator;

import org.eclipse.microprofile.graphql.Description;

/** The bundled target sets (target-sets.json), by id: a request names one of these. */
@Description("The policy target sets an indicator request may name; targetSets gives each one's targets and source")
public enum TargetSetId {
    @Description("Chongqing municipal action plan (渝府办发〔2023〕77号), targets for 2025")
    CHONGQING_2025,
    @Description("Yubei District implementation plan, targets for 2025")
    YUBEI_2025,
    @Description("Shaoxing plan 2024–2027 (draft), targets for 2024")
    SHAOXING_2024,
    @Description("Shaoxing plan 2024–2027 (draft), targets for 2027")
    SHAOXING_2027,
    @Description("Planning norm for new residential areas: 10 slots per 1,000 residents")
    NORM_NEW_RESIDENTIAL,
    @Description("Planning norm for existing and old residential areas: 8 slots per 1,000 residents")
    NORM_EXISTING_RESIDENTIAL
}
