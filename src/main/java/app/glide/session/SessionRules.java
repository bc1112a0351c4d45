package app.glide.session;

import app.glide.plan.PlanContent;
import app.glide.session.SessionDtos.ItemResult;
import app.glide.session.SessionDtos.ItemStatus;
import app.glide.session.SessionDtos.SessionRequest;
import app.glide.web.ApiProblem;
import app.glide.web.ApiProblem.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a logged session must satisfy beyond its bean-validation constraints: its times, that
 * it reports something, and that its items are well-formed items of the revision. Plain Java:
 * each check throws the {@link ApiProblem} the endpoint answers.
 */
public final class SessionRules {

    /** Sessions are accepted up to this long after they started. */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** Phones' clocks drift: a session may end this far in the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration MAX_LENGTH = Duration.ofHours(12);

    private SessionRules() {
    }

    /** Not older than {@link #MAX_AGE}, not ending in the future, not backwards, not over {@link #MAX_LENGTH}. */
    public static void checkTimes(SessionRequest r, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = r.startedAt().toInstant();
        Instant end = r.endedAt().toInstant();
        if (start.isBefore(now.minus(MAX_AGE))) {
            errors.add(new FieldError("startedAt", "is more than 30 days ago; such sessions are no longer accepted"));
        }
        if (end.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new FieldError("endedAt", "is in the future; check the phone's clock"));
        }
        if (end.isBefore(start)) {
            errors.add(new FieldError("endedAt", "is before startedAt"));
        } else if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            errors.add(new FieldError("endedAt", "makes the session longer than 12 hours"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "session-time-rejected", "Session time not accepted",
                    errors.size() == 1 ? "1 problem in the session." : errors.size() + " problems in the session.",
                    errors, null);
        }
    }

    /**
     * A session that lasted no time, or lists no plan item, reports nothing: refused (422).
     * One where every item was SKIPPED is a real report (and why) and is accepted.
     */
    public static void checkNotEmpty(SessionRequest r, OffsetDateTime startedAt, OffsetDateTime endedAt) {
        List<FieldError> errors = new ArrayList<>();
        if (endedAt.toInstant().equals(startedAt.toInstant())) {
            errors.add(new FieldError("endedAt", "equals startedAt: the session lasted no time"));
        }
        if (r.items().isEmpty()) {
            errors.add(new FieldError("items", "lists no plan item; report each item as DONE, PARTIAL or SKIPPED"
                    + " (with a skipReason)"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "empty-session", "Empty session",
                    "The session is empty, so it was not recorded: " + (errors.size() == 1 ? "1 problem." : errors.size() + " problems."),
                    errors, null);
        }
    }

    /**
     * Each item once, a reason for a skip, what was done for a partial (400 {@code validation});
     * then every item one of the revision's (422 {@code unknown-plan-item}).
     */
    public static void checkItems(SessionRequest r, PlanContent content) {
        List<FieldError> shape = new ArrayList<>();
        List<FieldError> unknown = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < r.items().size(); i++) {
            ItemResult it = r.items().get(i);
            String at = "items[" + i + "]";
            if (!seen.add(it.itemId())) {
                shape.add(new FieldError(at + ".itemId", "appears twice"));
            }
            if (it.status() == ItemStatus.SKIPPED && it.skipReason() == null) {
                shape.add(new FieldError(at + ".skipReason", "is required when the item was skipped"));
            }
            if (it.status() == ItemStatus.PARTIAL && it.sets() == null && it.reps() == null && it.holdSeconds() == null
                    && it.durationMinutes() == null) {
                shape.add(new FieldError(at, "a PARTIAL item needs what was done (sets, reps, holdSeconds or durationMinutes)"));
            }
            if (content.item(it.itemId()).isEmpty()) {
                unknown.add(new FieldError(at + ".itemId", "is not an item of plan revision " + r.planRevision()));
            }
        }
        if (!shape.isEmpty()) {
            throw new ApiProblem(400, "validation", "Invalid request",
                    shape.size() == 1 ? "1 field is invalid." : shape.size() + " fields are invalid.", shape, null);
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblem(422, "unknown-plan-item", "Session cannot be recorded",
                    unknown.size() == 1 ? "1 problem in the session." : unknown.size() + " problems in the session.",
                    unknown, null);
        }
    }
}
