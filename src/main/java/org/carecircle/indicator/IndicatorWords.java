package org.carecircle.indicator;

import org.carecircle.api.Language;
import org.carecircle.engine.indicator.Indicator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words of each indicator in Chinese and English: its name, its definition, and what closes its gap (an
 * amount of a unit, and the areas still without). The map, the exports and summary.txt take them from here.
 */
public final class IndicatorWords {
    /** What an indicator's gap counts. */
    public enum GapUnit {
        SLOTS, CHILDREN, SUBDISTRICTS_AND_TOWNS, INSTITUTIONS, POPULATED_CELLS
    }

    private record Words(String nameZh, String definitionZh, GapUnit unit, String gapZh, String gapOne, String gapMany) {
    }

    private static final Map<Indicator, Words> WORDS = new EnumMap<>(Indicator.class);

    static {
        WORDS.put(Indicator.SLOTS_PER_THOUSAND_RESIDENTS, new Words("每千人口托位数", "托位数 ÷ 常住人口 × 1000",
                GapUnit.SLOTS, "还需 %d 个托位", "%d more slot", "%d more slots"));
        WORDS.put(Indicator.INCLUSIVE_SHARE, new Words("普惠性托位占比", "普惠性托位 ÷ 全部托位",
                GapUnit.SLOTS, "还需 %d 个托位转为普惠", "%d more slot made inclusive", "%d more slots made inclusive"));
        WORDS.put(Indicator.PUBLIC_SHARE, new Words("公建托位占比", "公办及公建民营机构（幼儿园托班除外）的托位 ÷ 全部托位",
                GapUnit.SLOTS, "还需 %d 个公建托位（转为公办或新建）", "%d more public slot (converted or newly built public)",
                "%d more public slots (converted or newly built public)"));
        WORDS.put(Indicator.UNDER_2_SHARE, new Words("2岁以下托位占比", "乳儿班和托小班托位 ÷ 全部托位",
                GapUnit.SLOTS, "还需 %d 个托位改为乳儿班或托小班", "%d more slot turned to INFANT or TODDLER classes",
                "%d more slots turned to INFANT or TODDLER classes"));
        WORDS.put(Indicator.UTILIZATION, new Words("托位使用率", "在托人数 ÷ 托位数",
                GapUnit.CHILDREN, "现有托位还需多招收 %d 名婴幼儿", "%d more child enrolled in the existing slots",
                "%d more children enrolled in the existing slots"));
        WORDS.put(Indicator.ENROLLMENT_RATE, new Words("入托率", "在托人数 ÷ 3岁以下婴幼儿数（人口网格）",
                GapUnit.CHILDREN, "还需多入托 %d 名婴幼儿", "%d more child enrolled", "%d more children enrolled"));
        WORDS.put(Indicator.SUBDISTRICT_INCLUSIVE_COVERAGE, new Words("街道普惠性托育机构覆盖率",
                "有普惠性托育机构的街道和乡镇 ÷ 全部街道和乡镇", GapUnit.SUBDISTRICTS_AND_TOWNS,
                "还需 %d 个街道或乡镇设立普惠性托育机构", "%d more subdistrict or town needs an inclusive institution",
                "%d more subdistricts or towns need an inclusive institution"));
        WORDS.put(Indicator.SUBDISTRICT_INSTITUTION_COVERAGE, new Words("乡镇（街道）托育机构覆盖率",
                "有托育机构的街道和乡镇 ÷ 全部街道和乡镇", GapUnit.SUBDISTRICTS_AND_TOWNS,
                "还需 %d 个街道或乡镇设立托育机构", "%d more subdistrict or town needs an institution",
                "%d more subdistricts or towns need an institution"));
        WORDS.put(Indicator.LARGE_AREA_PUBLIC_MODEL_COVERAGE, new Words("5万人以上乡镇（街道）公建示范性普惠机构覆盖率",
                "常住人口5万以上、有公办普惠示范机构的街道和乡镇 ÷ 全部此类街道和乡镇", GapUnit.SUBDISTRICTS_AND_TOWNS,
                "还需 %d 个5万人以上的街道或乡镇设立公办普惠示范机构",
                "%d more large subdistrict or town needs a public inclusive demonstration institution",
                "%d more large subdistricts or towns need a public inclusive demonstration institution"));
        WORDS.put(Indicator.GRADED_SHARE, new Words("等级托育机构覆盖率", "评定等级的机构 ÷ 全部机构",
                GapUnit.INSTITUTIONS, "还需 %d 家机构评定等级", "%d more institution graded", "%d more institutions graded"));
        WORDS.put(Indicator.LIFE_CIRCLE_5_MINUTE_RATE, new Words("5分钟社区生活圈托育设施配置率",
                "中心步行5分钟内可达托育机构的有人口网格（生活圈单元） ÷ 全部有人口网格", GapUnit.POPULATED_CELLS,
                "还需 %d 个有人口的网格在步行5分钟内有托育机构",
                "%d more populated cell needs an institution within a 5-minute walk",
                "%d more populated cells need an institution within a 5-minute walk"));
        WORDS.put(Indicator.SERVICE_CIRCLE_15_MINUTE_COVERAGE, new Words("15分钟托育服务圈覆盖率（含托位）",
                "步行15分钟内获得托位的有入托需求婴幼儿（按托位分配） ÷ 全部有入托需求的婴幼儿", GapUnit.CHILDREN,
                "还需 %d 名有入托需求的婴幼儿在步行15分钟内获得托位",
                "%d more child wanting a place needs one within a 15-minute walk",
                "%d more children wanting a place need one within a 15-minute walk"));
    }

    private IndicatorWords() {
    }

    public static String name(Indicator indicator, Language language) {
        return language.pick(WORDS.get(indicator).nameZh(), indicator.label);
    }

    public static String definition(Indicator indicator, Language language) {
        return language.pick(WORDS.get(indicator).definitionZh(), indicator.definition);
    }

    public static GapUnit unit(Indicator indicator) {
        return WORDS.get(indicator).unit();
    }

    /** What closes the gap: the amount of the indicator's unit still needed, and the areas still without. */
    public static String gap(Indicator indicator, long amount, List<String> without, Language language) {
        Words words = WORDS.get(indicator);
        String text = String.format(language.pick(words.gapZh(), amount == 1 ? words.gapOne() : words.gapMany()), amount);
        return without.isEmpty() ? text : text + language.pick("（尚无：" + String.join("、", without) + "）",
                " (without: " + String.join(", ", without) + ")");
    }
}
