package app.glide.adherence;

import app.glide.web.PageCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where a caseload page ends, as the caseload's sort order sees it: urgent, high and open
 * alert counts (most first), the 7-day adherence (lowest first, none last), the last
 * session (longest ago first, none first), then the patient id. The next page starts after
 * this row, so a patient whose alerts change between two pages is neither shown twice nor
 * skipped because others moved (as an offset would). Plain Java.
 */
record CaseloadKey(int urgent, int high, int open, BigDecimal adherence7d, Instant lastSessionAt, UUID patientId) {

    /**
     * The SQL for "after this key": every part turned ascending, nulls as a flag before the
     * value, so one row comparison matches the ORDER BY {@link #ORDER}. Seven parameters, in
     * {@link #params()} order.
     */
    static final String AFTER = "(-urgent, -high, -open, adherence_7d is null, coalesce(adherence_7d, 0),"
            + " last_session_at is not null, coalesce(last_session_at, 'epoch'), patient_id) > (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String ORDER = "urgent desc, high desc, open desc, adherence_7d asc nulls last,"
            + " last_session_at asc nulls first, patient_id";

    Object[] params() {
        return new Object[] {-urgent, -high, -open, adherence7d == null, adherence7d == null ? BigDecimal.ZERO : adherence7d,
                lastSessionAt != null, lastSessionAt == null ? Instant.EPOCH : lastSessionAt, patientId};
    }

    PageCursor cursor() {
        return new PageCursor(urgent + "," + high + "," + open + "," + (adherence7d == null ? "" : adherence7d.toPlainString())
                + "," + (lastSessionAt == null ? "" : lastSessionAt.toString()), patientId.toString());
    }

    /** The key a cursor carries, or 400 invalid-cursor. */
    static CaseloadKey of(PageCursor c) {
        String[] parts = c.key().split(",", -1);
        if (parts.length != 5) {
            throw PageCursor.invalid();
        }
        try {
            int urgent = count(parts[0]);
            int high = count(parts[1]);
            int open = count(parts[2]);
            BigDecimal adherence = parts[3].isEmpty() ? null : new BigDecimal(parts[3]);
            if (adherence != null && (adherence.signum() < 0 || adherence.compareTo(BigDecimal.ONE) > 0)) {
                throw PageCursor.invalid();
            }
            Instant last = parts[4].isEmpty() ? null : new PageCursor(parts[4], "").instant();
            return new CaseloadKey(urgent, high, open, adherence, last, c.uuid());
        } catch (NumberFormatException e) {
            throw PageCursor.invalid();
        }
    }

    private static int count(String s) {
        int n = Integer.parseInt(s);
        if (n < 0) {
            throw PageCursor.invalid();
        }
        return n;
    }
}
