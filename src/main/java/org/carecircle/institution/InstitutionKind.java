package org.carecircle.institution;

/** 独立托育机构 / 托幼一体 / 用人单位办托 / 社区托育 / 医育结合 / 家庭托育点. */
public enum InstitutionKind {
    STANDALONE, KINDERGARTEN_NURSERY, EMPLOYER, COMMUNITY, MEDICAL_CARE, FAMILY
}
