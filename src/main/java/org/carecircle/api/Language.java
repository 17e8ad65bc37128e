package org.carecircle.api;

import java.util.Locale;

/** The language of the words in answers (labels, gaps, summaries, column names): Chinese or English. */
public enum Language {
    ZH, EN;

    /** What a language argument of the schema takes. */
    public static final String CHOICE = "ZH for Chinese (the default), EN for English";

    /** An explicit null means the default, as an omitted argument does. */
    public static Language orDefault(Language language) {
        return language == null ? ZH : language;
    }

    /**
     * The language a request asks for: a {@code language} parameter (zh, en, zh-CN…) or else the first of
     * Accept-Language's that is Chinese or English; Chinese when neither says.
     */
    public static Language of(String parameter, String acceptLanguage) {
        if (parameter != null && !parameter.isBlank()) {
            Language named = named(parameter);
            if (named == null) {
                throw new InvalidInputException("language", "must be zh or en (got \"" + parameter + "\")");
            }
            return named;
        }
        if (acceptLanguage != null) {
            for (String range : acceptLanguage.split(",")) {
                Language named = named(range.split(";")[0]);
                if (named != null) {
                    return named;
                }
            }
        }
        return ZH;
    }

    private static Language named(String tag) {
        String language = tag.trim().toLowerCase(Locale.ROOT);
        return language.equals("zh") || language.startsWith("zh-") ? ZH
                : language.equals("en") || language.startsWith("en-") ? EN : null;
    }

    /** The text of this language of the two given. */
    public String pick(String chinese, String english) {
        return this == ZH ? chinese : english;
    }
}
