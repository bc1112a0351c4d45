package app.glide.language;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Everything that decides the language of one response: the phone's Accept-Language header,
 * the person's stored locale, the clinic's default locale, and the version of the clinic's
 * translations (V24). Two requests with the same {@link #fingerprint()} get the same texts.
 * Plain Java.
 */
public record LanguageContext(UUID clinicId, String acceptLanguage, String personLocale, String clinicDefault,
                              int translationVersion) {

    public LanguageChoice choice() {
        return LanguageChoice.of(acceptLanguage, personLocale, clinicDefault);
    }

    /**
     * A short fingerprint for an ETag, or null when the body cannot depend on a language: the
     * only language to try is English and the clinic never wrote a translation (then every text
     * is the original, in English for shipped content).
     */
    public String fingerprint() {
        List<String> order = choice().order();
        if (order.equals(List.of(LanguageChoice.ENGLISH)) && translationVersion == 0) {
            return null;
        }
        CRC32 crc = new CRC32();
        crc.update((String.join(",", order) + "|" + clinicDefault + "|" + translationVersion)
                .getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }
}
