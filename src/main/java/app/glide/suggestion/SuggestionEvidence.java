package app.glide.suggestion;

import app.glide.adherence.DoseMath;
import app.glide.exercise.Chain;
import app.glide.plan.PlanContent;
import app.glide.plan.PlanItem;
import app.glide.plan.ProgressionMath;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.suggestion.SuggestionRules.ItemSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Which of the patient's logged sessions count as evidence for one plan item: only those done
 * against the prescription in force for it today (same exercise and dosage), under a plan
 * revision that existed when the session started, on a day the item was due or with a result
 * for it. Newest first, at most as many as the rules look at. Plain Java.
 */
public final class SuggestionEvidence {

    private SuggestionEvidence() {
    }

    /**
     * A recent session as logged. Its item results are parsed on first use: most sessions of a
     * long history fail the prescription check first and are never parsed (this runs on every
     * session PUT).
     */
    public record LoggedSession(UUID id, UUID planId, int revision, Instant startedAt, LocalDate localDate,
                                int painBefore, int painPeak, int difficulty, String symptomChange,
                                Supplier<List<ItemResult>> itemResults, String morning, Integer morningPain) {
        List<ItemResult> items() {
            return itemResults.get();
        }
    }

    /** A plan revision a session was logged against: when it was made and what it prescribed. */
    public record RevisionSeen(Instant createdAt, PlanContent content) {
    }

    /** The revision a session names; null when there is none. */
    @FunctionalInterface
    public interface Revisions {
        RevisionSeen at(UUID planId, int revision);
    }

    /**
     * The sessions that count for {@code item} today, newest first, at most {@code limit}.
     *
     * @param newestFirst the patient's recent sessions, newest first
     * @param sorenessWindow the expected-soreness window a session's start falls in, described; null outside one
     */
    public static List<ItemSession> history(PlanItem item, LocalDate today, List<LoggedSession> newestFirst,
                                            Revisions revisions, Chain chain, int limit,
                                            Function<Instant, String> sorenessWindow) {
        ProgressionMath.Prescription current = ProgressionMath.on(item, today, chain);
        List<ItemSession> history = new ArrayList<>();
        for (LoggedSession s : newestFirst) {
            if (history.size() >= limit) {
                break; // the rules look at no more than this many, newest first
            }
            RevisionSeen rev = revisions.at(s.planId(), s.revision());
            if (rev == null || s.startedAt().isBefore(rev.createdAt())) {
                continue; // dated before the revision it claims existed: does not count towards it
            }
            PlanContent rc = rev.content();
            PlanItem then = rc.item(item.id()).orElse(null);
            // Only sessions done against the prescription still in force for this item count.
            if (then == null || s.localDate().isBefore(then.since())
                    || !ProgressionMath.on(then, s.localDate(), chain).equals(current)) {
                continue;
            }
            ItemResult result = s.items().stream().filter(i -> i.itemId().equals(item.id())).findFirst().orElse(null);
            boolean due = !then.paused() && then.schedule().isDueOn(s.localDate());
            if (result == null && !due) {
                continue; // the item was not part of that session
            }
            boolean skipped = result == null || result.status() == ItemStatus.SKIPPED;
            boolean full = !skipped && result.status() == ItemStatus.DONE
                    && DoseMath.share(current.dosage().scaled(rc.scalePercent()), result.sets(), result.reps(),
                            result.holdSeconds(), result.durationMinutes()) >= 0.999;
            history.add(new ItemSession(s.id().toString(), s.localDate(), full, skipped, s.painBefore(), s.painPeak(),
                    s.morning(), s.morningPain(), "PERIPHERALISING".equals(s.symptomChange()), s.difficulty(),
                    sorenessWindow.apply(s.startedAt())));
        }
        return history;
    }

    /**
     * What a decision on this history was taken on: the newest session and its next-morning
     * answer ("none" without sessions). New evidence, a new basis: a declined suggestion comes back.
     */
    public static String basis(List<ItemSession> newestFirst) {
        return newestFirst.isEmpty() ? "none" : newestFirst.get(0).sessionId() + ":" + newestFirst.get(0).nextMorning();
    }
}
