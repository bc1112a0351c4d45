package app.glide.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The patient-facing sentences our rules produce (red-flag advice, the stop state, flare-up
 * guidance, care instructions after a visit, push notifications), in every shipped language:
 * {@code texts_<language>.properties} next to this class, UTF-8, the same keys in each
 * (RuleTextsTest). {@code {name}} placeholders are filled in by the caller. Problem details are
 * not here: they stay English (they are for developers). Plain Java.
 */
public final class RuleTexts {

    /** The languages our own texts are written in. */
    public static final Set<String> SHIPPED = Set.of("en", "de");

    private static final Map<String, Map<String, String>> TEXTS = load();

    private RuleTexts() {
    }

    /** The shipped language a choice gets for our own texts (English when it names none of them). */
    public static String language(LanguageChoice choice) {
        return choice == null ? LanguageChoice.ENGLISH : choice.pick(SHIPPED);
    }

    /** The text for {@code key} in {@code language} (a shipped one; anything else gets English), placeholders filled. */
    public static String text(String language, String key, Map<String, String> values) {
        Map<String, String> texts = TEXTS.getOrDefault(language == null ? "" : LanguageTag.key(language),
                TEXTS.get(LanguageChoice.ENGLISH));
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("No rule text " + key);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    public static String text(String language, String key) {
        return text(language, key, Map.of());
    }

    /** The locale for formatting dates in a shipped language. */
    public static Locale locale(String language) {
        return Locale.forLanguageTag(language == null ? LanguageChoice.ENGLISH : language);
    }

    /** Every key of one shipped language (for the completeness test). */
    static Set<String> keys(String language) {
        return TEXTS.get(language).keySet();
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> all = new TreeMap<>();
        for (String language : SHIPPED) {
            String name = "texts_" + language + ".properties";
            try (InputStream in = RuleTexts.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + name);
                }
                Properties p = new Properties();
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                Map<String, String> texts = new TreeMap<>();
                p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
                all.put(language, Map.copyOf(texts));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(all);
    }
}
