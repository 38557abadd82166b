package airzone.report;

import java.util.Optional;

/** The language a report is written in: Chinese by default, English on request ({@code lang=zh|en}). */
public enum Language {
    ZH("zh-CN"), EN("en");

    private final String htmlLang;

    Language(String htmlLang) {
        this.htmlLang = htmlLang;
    }

    /** {@code null} (absent) is Chinese; "zh" and "en" name themselves; anything else is empty. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) return Optional.of(ZH);
        return switch (code) {
            case "zh" -> Optional.of(ZH);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The value of the page's {@code lang} attribute. */
    public String htmlLang() {
        return htmlLang;
    }

    public String code() {
        return this == ZH ? "zh" : "en";
    }

    /** The Chinese or the English of a pair of texts. */
    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
