package app.glide.plan;

import app.glide.education.EducationCatalog;
import app.glide.exercise.Chain;
import app.glide.exercise.Dosage;
import app.glide.exercise.ExerciseCatalog;
import app.glide.exercise.ExerciseView;
import app.glide.language.ContentLanguage;
import app.glide.language.LanguageChoice;
import app.glide.language.RuleTexts;
import app.glide.media.MediaViews;
import app.glide.outcome.DueQuestionnaireView;
import app.glide.visit.CareForToday;
import app.glide.visit.CareInstructions;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

/** Response bodies of the plan endpoints, and how they are built from a revision. */
public final class PlanViews {

    /** How far ahead the plan lists dosage changes, so the app can work offline. */
    public static final int UPCOMING_DAYS = 14;

    private PlanViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanView(UUID id, UUID patientId, Plan.Status status, int revision, String name, String templateSlug,
                           int scalePercent, boolean paused, String mode, PlanContent.AdjustmentMode adjustmentMode,
                           FlareView flare, StopView stop, Instant createdAt, Instant revisedAt, LocalDate date,
                           String timeZone, List<ItemView> items, List<RawValue> exercises,
                           List<EducationCatalog.CardView> education, List<DueQuestionnaireView> dueQuestionnaires,
                           List<MediaViews.ManifestItem> media) {

        /** The plan with the patient's due questionnaires (only in the patient's own plan). */
        public PlanView withDueQuestionnaires(List<DueQuestionnaireView> due) {
            return new PlanView(id, patientId, status, revision, name, templateSlug, scalePercent, paused, mode,
                    adjustmentMode, flare, stop, createdAt, revisedAt, date, timeZone, items, exercises, education, due,
                    media);
        }

        /** The same plan embedding these exercises instead (the gzip path splices them in, {@link PlanGzip}). */
        public PlanView withExercises(List<RawValue> embedded) {
            return new PlanView(id, patientId, status, revision, name, templateSlug, scalePercent, paused, mode,
                    adjustmentMode, flare, stop, createdAt, revisedAt, date, timeZone, items, embedded, education,
                    dueQuestionnaires, media);
        }

        /** The plan with its media manifest (only in the patient's own plan; always present there, maybe empty). */
        public PlanView withMedia(List<MediaViews.ManifestItem> manifest) {
            return new PlanView(id, patientId, status, revision, name, templateSlug, scalePercent, paused, mode,
                    adjustmentMode, flare, stop, createdAt, revisedAt, date, timeZone, items, exercises, education,
                    dueQuestionnaires, manifest);
        }
    }

    /**
     * NORMAL, or FLARE_UP while a flare-up is active (items stepped back, flare-up cards
     * shown), or STOPPED while a red flag is open (nothing due; stop and seek care).
     */
    public static final String NORMAL = "NORMAL";
    public static final String FLARE_UP = "FLARE_UP";
    public static final String STOPPED = "STOPPED";

    /**
     * The patient must stop exercising and seek care: an open RED_FLAG alert, until a
     * therapist resolves it. Only in the patient's own views.
     */
    public record StopView(String reason, Instant since, String message, List<StopAction> actions) {

        public static final String RED_FLAG = "RED_FLAG";

        /** The stop for a red flag open since {@code since}: call the clinic (when it has a phone), call emergency services. */
        public static StopView redFlag(Instant since, String message, String clinicPhone, String emergencyNumber) {
            return redFlag(since, message, clinicPhone, emergencyNumber, LanguageChoice.ENGLISH);
        }

        /** The same with the actions' labels in {@code language} ({@link RuleTexts}). */
        public static StopView redFlag(Instant since, String message, String clinicPhone, String emergencyNumber,
                                       String language) {
            List<StopAction> actions = new ArrayList<>();
            if (clinicPhone != null) {
                actions.add(new StopAction(StopAction.CALL_CLINIC, RuleTexts.text(language, "stop.callClinic"), clinicPhone));
            }
            actions.add(new StopAction(StopAction.CALL_EMERGENCY,
                    RuleTexts.text(language, "stop.callEmergency", Map.of("number", emergencyNumber)), emergencyNumber));
            return new StopView(RED_FLAG, since, message, List.copyOf(actions));
        }

        /** A short, stable fingerprint of everything shown, so the plan's ETag changes with it. */
        public String fingerprint() {
            CRC32 crc = new CRC32();
            StringBuilder all = new StringBuilder(reason).append('|').append(since).append('|').append(message);
            actions.forEach(a -> all.append('|').append(a.kind()).append('|').append(a.label()).append('|').append(a.phone()));
            crc.update(all.toString().getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "%08x", crc.getValue());
        }
    }

    public record StopAction(String kind, String label, String phone) {
        public static final String CALL_CLINIC = "CALL_CLINIC";
        public static final String CALL_EMERGENCY = "CALL_EMERGENCY";
    }

    private static String mode(PlanContent content, StopView stop) {
        return stop != null ? STOPPED : content.inFlare() ? FLARE_UP : NORMAL;
    }

    public record FlareView(LocalDate startedOn, int pain, String symptomExtent) {
        static FlareView of(PlanContent.FlareState f) {
            return f == null ? null : new FlareView(f.startedOn(), f.pain(), f.symptomExtent());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemView(UUID id, int order, Prescribed prescribed, ScheduleView schedule, Progression progression,
                           Integer startValue, String note, String phase, boolean paused, PlanItem.Ceiling ceiling,
                           String progressionHold, TodayView today, List<UpcomingView> upcoming, UUID mediaId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleView(List<DayOfWeek> daysOfWeek, Integer sessionsPerWeek) {
        static ScheduleView of(Schedule s) {
            return new ScheduleView(s.daysOfWeek() == null ? null : s.daysOfWeek().stream().sorted().toList(),
                    s.sessionsPerWeek());
        }
    }

    /** What the therapist set: exercise and dosage as of {@code since}. */
    public record Prescribed(UUID exerciseId, Dosage dosage, LocalDate since) {
    }

    /** Today's resolved exercise and dosage (progression and plan scale applied). */
    public record TodayView(UUID exerciseId, Dosage dosage, boolean due) {
    }

    public record UpcomingView(LocalDate from, UUID exerciseId, Dosage dosage) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TodayPlan(LocalDate date, String timeZone, UUID planId, int revision, boolean planPaused,
                            String mode, StopView stop, List<DueItem> items, List<EducationCatalog.CardView> education,
                            int sessionsToday, List<TodayProgress.AwaitingCheck> awaitingMorningCheck,
                            List<CareInstructions.Instruction> careInstructions, LocalDate nextVisitOn,
                            List<DueQuestionnaireView> dueQuestionnaires) {

        /** With what the patient's visits add to today: the care instructions that apply now, the next visit. */
        public TodayPlan withVisits(CareForToday.Today visits) {
            return new TodayPlan(date, timeZone, planId, revision, planPaused, mode, stop, items, education,
                    sessionsToday, awaitingMorningCheck, visits.careInstructions(), visits.nextVisitOn(),
                    dueQuestionnaires);
        }

        public TodayPlan withDueQuestionnaires(List<DueQuestionnaireView> due) {
            return new TodayPlan(date, timeZone, planId, revision, planPaused, mode, stop, items, education,
                    sessionsToday, awaitingMorningCheck, careInstructions, nextVisitOn, due);
        }
    }

    /**
     * A due item and what was done of it: {@code doneToday} when a session today reported it
     * DONE or PARTIAL ({@code statusToday} the best result reported today); for a flexible
     * item, the sessions done this week and those that remain of {@code sessionsPerWeek}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DueItem(UUID itemId, ExerciseView exercise, Dosage dosage, boolean flexible, Integer sessionsPerWeek,
                          String note, boolean doneToday, String statusToday, Integer sessionsDoneThisWeek,
                          Integer sessionsRemainingThisWeek) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanSummary(UUID id, Plan.Status status, int revision, Instant createdAt, Instant endedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RevisionView(int revision, Instant createdAt, UUID createdBy, String createdByRole, String kind,
                               String reason, LocalDate effectiveOn, List<String> changes, UUID visitId) {
    }

    /** Assembles views for one clinic's plans from the catalog (cached) — no queries per item. */
    public static final class Assembler {
        private final ExerciseCatalog catalog;
        private final EducationCatalog education;
        private final Chain chain;
        private final UUID clinicId;
        private final ContentLanguage language;

        public Assembler(ExerciseCatalog catalog, EducationCatalog education, UUID clinicId) {
            this(catalog, education, clinicId, ContentLanguage.original());
        }

        /** Exercise and card texts in {@code language} (field by field, with its fallbacks). */
        public Assembler(ExerciseCatalog catalog, EducationCatalog education, UUID clinicId, ContentLanguage language) {
            this.catalog = catalog;
            this.education = education;
            this.chain = catalog.chainFor(clinicId);
            this.clinicId = clinicId;
            this.language = language;
        }

        /** Cards attached to the plan, plus the flare-up cards while a flare-up is active. */
        List<EducationCatalog.CardView> education(PlanContent content) {
            List<EducationCatalog.CardView> cards = new ArrayList<>(education.get(content.educationCardIds(), clinicId));
            if (content.inFlare()) {
                for (EducationCatalog.CardView c : education.flareCards(clinicId)) {
                    if (cards.stream().noneMatch(x -> x.id().equals(c.id()))) {
                        cards.add(c);
                    }
                }
            }
            return cards.stream().map(c -> EducationCatalog.in(c, language)).toList();
        }

        public Chain chain() {
            return chain;
        }

        public PlanView plan(Plan plan, PlanRevision rev, PlanContent content, LocalDate today, String zone) {
            return plan(plan, rev.id.revision(), rev.createdAt, content, today, zone);
        }

        public PlanView plan(Plan plan, int revision, Instant revisedAt, PlanContent content, LocalDate today, String zone) {
            return plan(plan, revision, revisedAt, content, today, zone, null);
        }

        /** The plan; while {@code stop} is given, nothing is due today and the mode is STOPPED. */
        public PlanView plan(Plan plan, int revision, Instant revisedAt, PlanContent content, LocalDate today, String zone,
                             StopView stop) {
            Set<UUID> referenced = new LinkedHashSet<>();
            List<ItemView> items = new ArrayList<>();
            int order = 0;
            for (PlanItem item : content.items()) {
                ProgressionMath.Prescription now = ProgressionMath.on(item, today, chain);
                boolean due = stop == null && !content.paused() && !item.paused() && item.schedule().isDueOn(today);
                List<UpcomingView> upcoming = ProgressionMath.changesAfter(item, today, UPCOMING_DAYS, chain).stream()
                        .map(c -> new UpcomingView(c.from(), c.prescription().exerciseId(),
                                c.prescription().dosage().scaled(content.scalePercent())))
                        .toList();
                referenced.add(item.exerciseId());
                referenced.add(now.exerciseId());
                upcoming.forEach(u -> referenced.add(u.exerciseId()));
                items.add(new ItemView(item.id(), ++order, new Prescribed(item.exerciseId(), item.dosage(), item.since()),
                        ScheduleView.of(item.schedule()), item.progression(), item.startValue(), item.note(), item.phase(),
                        item.paused(), item.ceiling(), item.hold(), new TodayView(now.exerciseId(), now.dosage().scaled(content.scalePercent()), due),
                        upcoming.isEmpty() ? null : upcoming, item.mediaId()));
            }
            Map<UUID, ExerciseCatalog.Entry> entries = catalog.get(referenced);
            List<RawValue> exercises = referenced.stream().map(entries::get).filter(Objects::nonNull)
                    .map(e -> catalog.rendered(e, chain, language)).toList();
            return new PlanView(plan.id, plan.patientId, plan.status, revision, content.name(),
                    content.templateSlug(), content.scalePercent(), content.paused(), mode(content, stop),
                    content.adjustmentMode(), FlareView.of(content.flare()), stop, plan.createdAt, revisedAt,
                    today, zone, items, exercises, education(content), null, null);
        }

        /** What is due today, and what was done of it: nothing is due while the plan is paused or {@code stop} is given. */
        public TodayPlan today(Plan plan, PlanContent content, int revision, LocalDate today, String zone, StopView stop,
                               TodayProgress progress) {
            List<DueItem> due = new ArrayList<>();
            if (!content.paused() && stop == null) {
                Map<UUID, ExerciseView> views = new LinkedHashMap<>();
                for (PlanItem item : content.items()) {
                    if (item.paused() || !item.schedule().isDueOn(today)) {
                        continue;
                    }
                    ProgressionMath.Prescription now = ProgressionMath.on(item, today, chain);
                    ExerciseView ex = views.computeIfAbsent(now.exerciseId(),
                            id -> catalog.get(id).map(this::exercise).orElse(null));
                    boolean flexible = item.schedule().isFlexible();
                    Integer doneThisWeek = flexible ? progress.doneThisWeek(item.id()) : null;
                    due.add(new DueItem(item.id(), ex, now.dosage().scaled(content.scalePercent()),
                            flexible, item.schedule().sessionsPerWeek(), item.note(), progress.doneToday(item.id()),
                            progress.statusToday(item.id()), doneThisWeek,
                            flexible ? Math.max(0, item.schedule().sessionsPerWeek() - doneThisWeek) : null));
                }
            }
            return new TodayPlan(today, zone, plan.id, revision, content.paused(), mode(content, stop), stop,
                    due, education(content), progress.sessionsToday(), progress.awaitingMorningCheck(), List.of(), null,
                    null);
        }

        public ExerciseView exercise(ExerciseCatalog.Entry e) {
            return catalog.view(e, chain, language);
        }
    }
}
