package app.glide.session;

import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.session.SessionDtos.CommentView;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.MorningCheckView;
import app.glide.session.SessionDtos.SessionView;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stored sessions as the API shows them, with their comments and next-morning checks (two
 * statements for any number of sessions of one patient). Runs in the caller's transaction.
 */
@ApplicationScoped
public class SessionViews {

    private static final TypeReference<List<ItemResult>> ITEMS = new TypeReference<>() {
    };

    @Inject
    Sql sql;

    @Inject
    JsonColumns json;

    public List<SessionView> views(List<SessionLog> sessions) {
        if (sessions.isEmpty()) {
            return List.of();
        }
        // All of one patient (a list, a sync page, one session): ids are unique per patient.
        UUID patientId = sessions.get(0).patientId;
        if (sessions.stream().anyMatch(s -> !s.patientId.equals(patientId))) {
            throw new IllegalStateException("sessions of several patients in one view");
        }
        List<UUID> ids = sessions.stream().map(s -> s.id).toList();
        Map<UUID, List<CommentView>> comments = new HashMap<>();
        sql.list("""
                select c.session_id, c.id, c.author_id, u.display_name, c.body, c.created_at
                from session_comment c join app_user u on u.id = c.author_id
                where c.patient_id = ? and c.session_id = any(?) order by c.created_at""",
                rs -> {
                    comments.computeIfAbsent(Sql.uuid(rs, 1), k -> new ArrayList<>()).add(new CommentView(
                            Sql.uuid(rs, 2), Sql.uuid(rs, 3), rs.getString(4), rs.getString(5), Sql.instant(rs, 6)));
                    return null;
                }, patientId, ids.toArray(new UUID[0]));
        Map<UUID, MorningCheck> checks = MorningCheck.<MorningCheck>list("patientId = ?1 and sessionId in ?2", patientId, ids).stream()
                .collect(Collectors.toMap(m -> m.sessionId, m -> m));
        List<SessionView> views = new ArrayList<>();
        for (SessionLog s : sessions) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(s.utcOffsetMinutes * 60);
            MorningCheck m = checks.get(s.id);
            views.add(new SessionView(s.id, s.planId, s.planRevision, s.startedAt.atOffset(offset),
                    s.endedAt.atOffset(offset), s.localDate, s.painBefore, s.painPeak, s.painAfter, s.difficulty,
                    s.symptomExtent, s.symptomChange, s.completion.doubleValue(), json.read(s.items, ITEMS), s.note,
                    s.receivedAt, s.changedAt, m == null ? null : view(m), comments.getOrDefault(s.id, List.of())));
        }
        return views;
    }

    public static MorningCheckView view(MorningCheck m) {
        return new MorningCheckView(SessionDtos.MorningAnswer.valueOf(m.answer), m.pain, m.createdAt);
    }
}
