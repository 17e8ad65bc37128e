package org.carecircle.institution;

import org.carecircle.api.Column;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of an institution register, by their English name with the Chinese names a bureau's
 * spreadsheet uses as aliases; and the Chinese words accepted for each coded value.
 */
final class RegisterColumns {
    static final String EXTERNAL_ID = "externalId";
    static final String NAME = "name";
    static final String ADDRESS = "address";
    static final String LONGITUDE = "longitude";
    static final String LATITUDE = "latitude";
    static final String OWNERSHIP = "ownership";
    static final String KIND = "kind";
    static final String INCLUSIVE = "inclusive";
    static final String REGISTERED = "registered";
    static final String GRADE = "grade";
    static final String DEMONSTRATION = "demonstration";
    static final String OPEN_TO_PUBLIC = "openToPublic";
    static final String STATUS = "status";
    static final String SERVICE_MODES = "serviceModes";
    static final String INFANT_SLOTS = "infantSlots";
    static final String TODDLER_SLOTS = "toddlerSlots";
    static final String OLDER_TODDLER_SLOTS = "olderToddlerSlots";
    static final String INFANT_ENROLLED = "infantEnrolled";
    static final String TODDLER_ENROLLED = "toddlerEnrolled";
    static final String OLDER_TODDLER_ENROLLED = "olderToddlerEnrolled";
    static final String ENROLLED = "enrolled";
    static final String SOURCE = "source";

    /** Canonical name → its aliases (the canonical name itself is always accepted). */
    static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();
    static final List<String> REQUIRED = List.of(NAME, LONGITUDE, LATITUDE, OWNERSHIP, KIND);
    /** Columns of CareCircle's own export that an import reads past: the database derives them. */
    static final Column AREA_CODE = new Column("areaCode", "区域代码");
    static final List<Column> DERIVED = List.of(new Column("id", "系统编号"), AREA_CODE, new Column("estimated", "估算"),
            new Column("estimationMethod", "估算方法"));

    static boolean derived(String header) {
        return DERIVED.stream().anyMatch(column -> column.english().equals(header) || column.chinese().equals(header));
    }

    static {
        ALIASES.put(EXTERNAL_ID, List.of("机构编号", "编号", "统一社会信用代码", "备案编号"));
        ALIASES.put(NAME, List.of("机构名称", "名称"));
        ALIASES.put(ADDRESS, List.of("地址", "机构地址"));
        ALIASES.put(LONGITUDE, List.of("经度", "lon", "lng"));
        ALIASES.put(LATITUDE, List.of("纬度", "lat"));
        ALIASES.put(OWNERSHIP, List.of("性质", "举办性质", "办托性质"));
        ALIASES.put(KIND, List.of("类型", "机构类型"));
        ALIASES.put(INCLUSIVE, List.of("普惠", "是否普惠", "普惠性"));
        ALIASES.put(REGISTERED, List.of("备案", "是否备案"));
        ALIASES.put(GRADE, List.of("等级"));
        ALIASES.put(DEMONSTRATION, List.of("示范", "示范单位"));
        ALIASES.put(OPEN_TO_PUBLIC, List.of("对外开放", "面向社会"));
        ALIASES.put(STATUS, List.of("状态", "运营状态"));
        ALIASES.put(SERVICE_MODES, List.of("服务模式", "服务类型"));
        ALIASES.put(INFANT_SLOTS, List.of("乳儿班托位"));
        ALIASES.put(TODDLER_SLOTS, List.of("托小班托位"));
        ALIASES.put(OLDER_TODDLER_SLOTS, List.of("托大班托位"));
        ALIASES.put(INFANT_ENROLLED, List.of("乳儿班在托"));
        ALIASES.put(TODDLER_ENROLLED, List.of("托小班在托"));
        ALIASES.put(OLDER_TODDLER_ENROLLED, List.of("托大班在托"));
        ALIASES.put(ENROLLED, List.of("在托人数", "在托"));
        ALIASES.put(SOURCE, List.of("来源", "数据来源"));
    }

    static final Map<String, Ownership> OWNERSHIP_WORDS = Map.of(
            "公办", Ownership.PUBLIC, "公建民营", Ownership.PUBLIC_BUILT_PRIVATELY_RUN,
            "民办公助", Ownership.PRIVATE_PUBLICLY_AIDED, "民办", Ownership.PRIVATE);
    static final Map<String, InstitutionKind> KIND_WORDS = Map.of(
            "托育机构", InstitutionKind.STANDALONE, "独立托育机构", InstitutionKind.STANDALONE,
            "托幼一体", InstitutionKind.KINDERGARTEN_NURSERY, "幼儿园托班", InstitutionKind.KINDERGARTEN_NURSERY,
            "用人单位办托", InstitutionKind.EMPLOYER, "社区托育", InstitutionKind.COMMUNITY,
            "社区托育园", InstitutionKind.COMMUNITY, "托育驿站", InstitutionKind.COMMUNITY,
            "医育结合", InstitutionKind.MEDICAL_CARE, "家庭托育", InstitutionKind.FAMILY);
    static final Map<String, InstitutionStatus> STATUS_WORDS = Map.of(
            "运营", InstitutionStatus.OPERATING, "运营中", InstitutionStatus.OPERATING, "规划", InstitutionStatus.PLANNED,
            "在建", InstitutionStatus.UNDER_CONSTRUCTION, "停办", InstitutionStatus.CLOSED, "关闭", InstitutionStatus.CLOSED);
    static final Map<String, Demonstration> DEMONSTRATION_WORDS = Map.of(
            "无", Demonstration.NONE, "否", Demonstration.NONE, "市级", Demonstration.MUNICIPAL,
            "国家级", Demonstration.NATIONAL);
    static final Map<String, ServiceMode> SERVICE_MODE_WORDS = Map.of(
            "全日托", ServiceMode.FULL_DAY, "半日托", ServiceMode.HALF_DAY, "计时托", ServiceMode.HOURLY,
            "临时托", ServiceMode.OCCASIONAL);
    static final Map<String, Integer> GRADE_WORDS = Map.of("一级", 1, "二级", 2, "三级", 3);
    static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("是", true), Map.entry("否", false), Map.entry("true", true), Map.entry("false", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("y", true), Map.entry("n", false));

    private RegisterColumns() {
    }

    /** The canonical name of a header cell, or null if it names no column. */
    static String canonical(String header) {
        String trimmed = header.trim();
        for (Map.Entry<String, List<String>> column : ALIASES.entrySet()) {
            if (column.getKey().equalsIgnoreCase(trimmed) || column.getValue().contains(trimmed)) {
                return column.getKey();
            }
        }
        return null;
    }
}
