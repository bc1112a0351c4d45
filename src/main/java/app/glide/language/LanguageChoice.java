package app.glide.language;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Which language a response uses, for one request: the phone's Accept-Language tags by
 * preference (q-values; {@code *}, {@code q=0} and malformed entries are ignored, never an
 * error), each tried exactly and then as its primary language ({@code de-AT}, then {@code de});
 * then the person's own locale, then the clinic's default, then English. {@link #order()} is
 * that list, lower case, without repeats. A piece of content is shown in the first language of
 * the list it has; a translation that leaves a field out falls back for that field only
 * ({@link #resolve}), down the same list, and finally to the original text. Plain Java.
 */
public final class LanguageChoice {

    /** The language of the shipped library's original text and the last resort of every choice. */
    public static final String ENGLISH = "en";
    /** Accept-Language entries beyond this many are not looked at. */
    static final int MAX_ENTRIES = 20;
    /** A longer Accept-Language header is not read at all (then the stored locales decide). */
    static final int MAX_HEADER = 1000;

    private static final Pattern RANGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern QVALUE = Pattern.compile("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)");

    private final List<String> order;

    private LanguageChoice(List<String> order) {
        this.order = List.copyOf(order);
    }

    /** The choice for a request: its Accept-Language header, the person's locale and the clinic's default (each may be null). */
    public static LanguageChoice of(String acceptLanguage, String personLocale, String clinicDefault) {
        Set<String> order = new LinkedHashSet<>();
        for (String tag : accepted(acceptLanguage)) {
            addWithPrimary(order, tag);
        }
        addWithPrimary(order, personLocale);
        addWithPrimary(order, clinicDefault);
        order.add(ENGLISH);
        return new LanguageChoice(new ArrayList<>(order));
    }

    /** Without a request (push notifications): the person's locale, then the clinic's default, then English. */
    public static LanguageChoice stored(String personLocale, String clinicDefault) {
        return of(null, personLocale, clinicDefault);
    }

    /** The well-formed language tags of an Accept-Language header with q > 0, most preferred first (ties in header order). */
    public static List<String> accepted(String header) {
        if (header == null || header.length() > MAX_HEADER) {
            return List.of();
        }
        record Weighted(String tag, int q, int at) {
        }
        List<Weighted> found = new ArrayList<>();
        String[] entries = header.split(",");
        for (int i = 0; i < entries.length && i < MAX_ENTRIES; i++) {
            String[] parts = entries[i].split(";", -1);
            String range = parts[0].strip();
            if (!RANGE.matcher(range).matches()) {
                continue; // '*', empty or malformed: says nothing about a language
            }
            int q = 1000;
            boolean valid = true;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].strip();
                if (param.isEmpty()) {
                    continue; // a stray ';'
                }
                if (param.length() > 2 && (param.startsWith("q=") || param.startsWith("Q="))
                        && QVALUE.matcher(param.substring(2)).matches()) {
                    q = Math.round(Float.parseFloat(param.substring(2)) * 1000);
                } else {
                    valid = false;
                }
            }
            if (valid && q > 0) {
                found.add(new Weighted(range, q, i));
            }
        }
        return found.stream().sorted(Comparator.comparingInt(Weighted::q).reversed().thenComparingInt(Weighted::at))
                .map(w -> LanguageTag.key(w.tag())).toList();
    }

    private static void addWithPrimary(Set<String> order, String tag) {
        if (tag == null || tag.isBlank()) {
            return;
        }
        order.add(LanguageTag.key(tag));
        order.add(LanguageTag.primary(tag));
    }

    /** The languages to try, in order, lower case; always ends with (or contains) English. */
    public List<String> order() {
        return order;
    }

    /** The first language of the order that {@code available} (lower-case tags) has, else English. */
    public String pick(Set<String> available) {
        return order.stream().filter(available::contains).findFirst().orElse(ENGLISH);
    }

    /**
     * One field of a piece of content: the value of the first language of the order that has it
     * ({@code valueIn} returns null when that language has no text for the field), where
     * {@code originalLanguage} (may be null: unknown) stands for the original text. When no
     * language of the order has the field, the original text.
     */
    public <V> Resolved<V> resolve(Function<String, V> valueIn, V original, String originalLanguage) {
        String originalKey = originalLanguage == null ? null : LanguageTag.key(originalLanguage);
        for (String language : order) {
            if (language.equals(originalKey)) {
                return new Resolved<>(original, originalKey);
            }
            V value = valueIn.apply(language);
            if (value != null) {
                return new Resolved<>(value, language);
            }
        }
        return new Resolved<>(original, originalKey);
    }

    /** A field's text and the language it is in (null when the original text's language is unknown). */
    public record Resolved<V>(V value, String language) {
    }

    /** A short fingerprint of the order, for ETags: two requests with the same order get the same bodies. */
    public String fingerprint() {
        CRC32 crc = new CRC32();
        crc.update(String.join(",", order).getBytes(StandardCharsets.UTF_8));
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    @Override
    public String toString() {
        return String.join(",", order);
    }
}
