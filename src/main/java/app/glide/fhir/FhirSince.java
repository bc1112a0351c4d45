package app.glide.fhir;

import app.glide.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The {@code _since} parameter: an RFC 3339 instant with an offset ({@code 2026-11-20T08:00:00Z});
 * absent means the whole record, and so does a moment before 1970. Malformed is 400
 * {@code invalid-since}; a moment more than {@link #CLOCK_SKEW} after now is 422
 * {@code since-in-future} (nothing can have changed then, and a client clock far ahead would
 * otherwise silently miss every change). Plain Java.
 */
final class FhirSince {

    /** How far a replica's clock may be behind the one that stamped the previous Bundle (docs/fhir.md). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private FhirSince() {
    }

    static Instant parse(String value, Instant now) {
        if (value == null) {
            return null;
        }
        Instant since;
        try {
            since = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-since", "Invalid _since",
                    "_since must be an RFC 3339 date-time with an offset, e.g. 2026-11-20T08:00:00Z.");
        }
        if (since.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiProblem.unprocessable("since-in-future", "_since is in the future",
                    "_since " + value + " is more than " + CLOCK_SKEW.toMinutes() + " minutes after the server's time "
                            + now + "; nothing has changed since then.");
        }
        return since.isBefore(FhirRows.BEGINNING) ? FhirRows.BEGINNING : since; // the database's times end at 4713 BC
    }
}
