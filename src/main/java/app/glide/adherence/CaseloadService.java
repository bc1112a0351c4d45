package app.glide.adherence;

import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The therapist's caseload sorted by who needs attention: urgent alerts, then high, then
 * any open alert, then the lowest 7-day adherence, then the longest silence. One query over
 * the caller's patients joined to their adherence snapshot and open-alert counts: its cost
 * follows the caseload size, not the number of sessions ever logged.
 */
@ApplicationScoped
public class CaseloadService {

    @Inject
    Caller caller;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseloadEntry(UUID patientId, String displayName, Double adherence7d, Double adherence28d,
                                Double painAvg7d, Double painTrend, Instant lastSessionAt, int openAlerts,
                                int urgentAlerts, LocalDate asOf) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseloadPage(List<CaseloadEntry> items, String nextCursor) {
    }

    /** Patients on the therapist's care teams (or, for an admin, the whole clinic). */
    private static final String THERAPIST_SCOPE = """
            from care_team_member m
            join patient p on p.id = m.patient_id
            where m.therapist_id = :me and p.clinic_id = :clinic and p.status = 'ACTIVE'""";
    private static final String ADMIN_SCOPE = """
            from patient p
            where p.clinic_id = :clinic and p.status = 'ACTIVE'""";

    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseloadPage attention(String cursor, int limit) {
        int offset = decode(cursor);
        boolean therapist = caller.is(Role.THERAPIST);
        String sql = """
                select p.id, u.display_name, a.adherence_7d, a.adherence_28d, a.pain_avg_7d, a.pain_baseline,
                       a.last_session_at, a.computed_on, al.open, al.urgent, al.high
                from (select p.id %s) p
                -- Lateral lookups by primary key: 100 index probes instead of hashing every user.
                cross join lateral (select display_name from app_user where id = p.id) u
                left join lateral (select * from patient_adherence where patient_id = p.id) a on true
                cross join lateral (
                    select count(*) as open,
                           count(*) filter (where severity = 'URGENT') as urgent,
                           count(*) filter (where severity = 'HIGH') as high
                    from alert where patient_id = p.id and status <> 'RESOLVED') al
                order by al.urgent desc, al.high desc, al.open desc, a.adherence_7d asc nulls last,
                         a.last_session_at asc nulls first, p.id
                limit :limit offset :offset""".formatted(therapist ? THERAPIST_SCOPE : ADMIN_SCOPE);
        var query = Panache.getEntityManager().createNativeQuery(sql)
                .setParameter("clinic", caller.clinicId())
                .setParameter("limit", limit + 1)
                .setParameter("offset", offset);
        if (therapist) {
            query.setParameter("me", caller.userId());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<CaseloadEntry> items = rows.stream().limit(limit).map(CaseloadService::entry).toList();
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + (offset + limit)).getBytes(StandardCharsets.UTF_8)) : null;
        return new CaseloadPage(items, next);
    }

    private static CaseloadEntry entry(Object[] r) {
        Double pain = dbl(r[4]);
        Double baseline = dbl(r[5]);
        return new CaseloadEntry((UUID) r[0], (String) r[1], dbl(r[2]), dbl(r[3]), pain,
                pain == null || baseline == null ? null : Math.round((pain - baseline) * 100) / 100.0,
                app.glide.web.SqlValues.instant(r[6]), ((Number) r[8]).intValue(), ((Number) r[9]).intValue(),
                r[7] == null ? null : app.glide.web.SqlValues.date(r[7]));
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static int decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .substring("offset:".length()));
            if (offset < 0) {
                throw new IllegalArgumentException();
            }
            return offset;
        } catch (RuntimeException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
        }
    }
}
