package app.glide.clinic;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The emergency number a patient is shown when told to stop and seek care: the clinic's
 * own override, else the number of the clinic's country (one per country), else 112, the
 * number that works in the EU/EEA and on most GSM phones worldwide. Plain Java.
 */
public final class EmergencyNumbers {

    public static final String DEFAULT = "112";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", "911"), Map.entry("CA", "911"), Map.entry("MX", "911"),
            Map.entry("GB", "999"), Map.entry("IE", "112"),
            Map.entry("AU", "000"), Map.entry("NZ", "111"),
            Map.entry("IN", "112"), Map.entry("CH", "112"), Map.entry("NO", "112"), Map.entry("IS", "112"),
            Map.entry("LI", "112"));

    private EmergencyNumbers() {
    }

    /** The number to show: the override when set, else the country's, else {@link #DEFAULT}. */
    public static String effective(String override, String country) {
        if (override != null && !override.isBlank()) {
            return override;
        }
        return country == null ? DEFAULT : BY_COUNTRY.getOrDefault(country, DEFAULT);
    }

    /** Whether the code is an ISO 3166-1 alpha-2 country code (upper case). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
