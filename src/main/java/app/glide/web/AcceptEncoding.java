package app.glide.web;

import java.util.Locale;

/** Reading an {@code Accept-Encoding} header (RFC 9110, section 12.5.3). Plain Java. */
public final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /**
     * Whether gzip is acceptable: named ({@code gzip} or its alias {@code x-gzip}) or covered by
     * {@code *}, with a weight above zero; a weight of zero for gzip itself refuses it whatever
     * {@code *} says. No header, or one that cannot be read, means no.
     */
    public static boolean allowsGzip(String header) {
        if (header == null) {
            return false;
        }
        Boolean named = null;
        boolean wildcard = false;
        for (String member : header.split(",")) {
            String[] parts = member.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean acceptable = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = named == null ? acceptable : named || acceptable;
            } else if (coding.equals("*")) {
                wildcard = acceptable;
            }
        }
        return named != null ? named : wildcard;
    }

    /** The {@code q} parameter (1 when absent); a malformed one counts as 0, refusing rather than guessing. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
