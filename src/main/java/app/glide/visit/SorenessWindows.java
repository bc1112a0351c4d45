package app.glide.visit;

import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The expected-soreness windows after dry needling and manual therapy (issue 14, item 3), for
 * the rules that must not read rising pain inside one as a worsening (alerts, AUTO mode,
 * suggestions). From the current version of each visit; the window is the clinic's
 * {@code soreness_window_hours} (default 48, 0 switches windows off). One statement per call,
 * an index range on visit_intervention (patient_id, given_at): a window is never longer than
 * {@link #MAX_HOURS}, so an intervention given earlier than that before {@code from} cannot reach it.
 */
@ApplicationScoped
public class SorenessWindows {

    public static final int DEFAULT_HOURS = 48;
    public static final int MAX_HOURS = 168;

    /**
     * The windows of interventions given in (lower, upper]: the clinic's hours (default
     * first), the patient, the bounds; callers add the filter on the window's end.
     */
    private static final String WINDOWS = """
            select w.given_at, w.ends, w.kind, w.visit_id from (
                select i.given_at, i.given_at + make_interval(hours => coalesce(s.soreness_window_hours, ?)) as ends,
                    i.kind, i.visit_id, i.ordinal
                from visit_intervention i left join clinic_settings s on s.clinic_id = i.clinic_id
                where i.patient_id = ? and i.kind in ('DRY_NEEDLING', 'MANUAL_THERAPY')
                  and i.given_at > ? and i.given_at <= ?) w
            """;

    @Inject
    Sql sql;

    /** The windows that overlap [{@code from}, {@code to}], oldest first. */
    public List<SorenessWindow> windows(UUID patientId, Instant from, Instant to) {
        return sql.list(WINDOWS + """
                where w.ends > w.given_at and w.ends > ?
                order by w.given_at, w.visit_id, w.ordinal""",
                SorenessWindows::window, DEFAULT_HOURS, patientId, from.minus(Duration.ofHours(MAX_HOURS)), to, from);
    }

    /** The window open at {@code at} that lasts longest, if any. */
    public Optional<SorenessWindow> openAt(UUID patientId, Instant at) {
        return sql.first(WINDOWS + """
                where w.ends > ?
                order by w.ends desc, w.visit_id, w.ordinal
                limit 1""",
                SorenessWindows::window, DEFAULT_HOURS, patientId, at.minus(Duration.ofHours(MAX_HOURS)), at, at);
    }

    private static SorenessWindow window(ResultSet rs) throws SQLException {
        return new SorenessWindow(Sql.instant(rs, 1), Sql.instant(rs, 2), rs.getString(3), Sql.uuid(rs, 4));
    }
}
