package app.glide.plan;

import app.glide.access.Caller;
import app.glide.clinic.ClinicSettings;
import app.glide.clinic.EmergencyNumbers;
import app.glide.db.JsonColumns;
import app.glide.db.Sql;
import app.glide.language.ContentLanguage;
import app.glide.language.LanguageContext;
import app.glide.language.RuleTexts;
import app.glide.language.Translations;
import app.glide.media.MediaLinks;
import app.glide.outcome.OutcomeDue;
import app.glide.plan.PlanViews.PlanView;
import app.glide.plan.PlanViews.TodayPlan;
import app.glide.visit.CareForToday;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The patient's own plan, for the phone: the head (ETag), the plan and today's items. The
 * hot path: the head is one statement, the revision comes from {@link PlanRevisions}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MyPlanQueries {

    private static final TypeReference<List<TodayProgress.Reported>> REPORTED = new TypeReference<>() {
    };

    @Inject
    Caller caller;

    @Inject
    PlanAssemblers assemblers;

    @Inject
    JsonColumns json;

    @Inject
    Sql sql;

    @Inject
    PlanRevisions revisions;

    @Inject
    CareForToday care;

    @Inject
    Clock clock;

    @Inject
    OutcomeDue outcomeDue;

    @Inject
    MediaLinks media;

    @Inject
    Translations translations;

    /**
     * The caller's own plan head, or 404 when they have no active plan. One statement: the
     * open RED_FLAG alert is an index probe (alert_one_unresolved); the clinic's settings
     * are read only when there is one ({@code offset 0} keeps the lateral subquery from being
     * flattened, so its condition on the alert stays a one-time filter and the settings are
     * never probed for a patient who is not stopped). The outcome schedules with their latest
     * responses and the clinic's wordings are a scalar subquery ({@link OutcomeDue#HEAD_COLUMN}):
     * the questionnaires due today, in the wording {@code language} (the phone's first
     * Accept-Language, or null) gets, are part of the ETag. So is the clinic's media version (an
     * index probe on clinic_media_version), which changes when it attaches media to an exercise or card.
     */
    public PlanHead myHead(String language) {
        return myHead(language, null);
    }

    /**
     * The same, with what decides the language of the body ({@link LanguageContext}): the phone's
     * {@code acceptLanguage}, the patient's locale, the clinic's default locale and the version of
     * its translations, read in the same statement (primary-key probes of app_user, clinic and
     * clinic_settings).
     */
    public PlanHead myHead(String language, String acceptLanguage) {
        UUID me = caller.userId();
        Instant now = clock.instant();
        return sql.first("""
                select pl.id, pl.current_revision, pa.time_zone, pl.clinic_id, pl.created_at,
                       rf.created_at, cs.found, cs.red_flag_message, cs.phone, cs.country, cs.emergency_number,
                       """ + OutcomeDue.HEAD_COLUMN + """
                       , u.locale, ds.default_locale, c.translation_version
                       , (select v.version from clinic_media_version v where v.clinic_id = pl.clinic_id)
                from plan pl join patient pa on pa.id = pl.patient_id
                join app_user u on u.id = pl.patient_id
                join clinic c on c.id = pl.clinic_id
                left join clinic_settings ds on ds.clinic_id = pl.clinic_id
                left join lateral (
                    select a.created_at from alert a
                    where a.patient_id = pl.patient_id and a.kind = 'RED_FLAG' and a.status <> 'RESOLVED') rf on true
                left join lateral (
                    select true as found, s.red_flag_message, s.phone, s.country, s.emergency_number
                    from clinic_settings s
                    where s.clinic_id = pl.clinic_id and rf.created_at is not null
                    offset 0) cs on true
                where pl.patient_id = ? and pl.status = 'ACTIVE'""",
                rs -> {
                    String zone = rs.getString(3);
                    LanguageContext lang = new LanguageContext(Sql.uuid(rs, 4), acceptLanguage, rs.getString(13),
                            rs.getString(14), rs.getInt(15));
                    return new PlanHead(Sql.uuid(rs, 1), rs.getInt(2), zone, Sql.uuid(rs, 4), me, Sql.instant(rs, 5),
                            stop(Sql.instant(rs, 6), rs.getObject(7) != null, rs.getString(8), rs.getString(9),
                                    rs.getString(10), rs.getString(11), RuleTexts.language(lang.choice())), now,
                            outcomeDue.dueIn(rs.getString(12), ZoneId.of(zone), PatientCalendar.today(now, zone),
                                    lang.choice().order()), lang, rs.getObject(16) == null ? null : rs.getLong(16));
                },
                me).orElseThrow(Plan::noActivePlan);
    }

    /**
     * The stop state for an open red flag (null when none), with the clinic's settings or their
     * defaults; our own default message and the labels in {@code language} (the clinic's own
     * message is shown as the clinic wrote it).
     */
    private static PlanViews.StopView stop(Instant redFlagSince, boolean settingsSaved, String message, String phone,
                                           String country, String emergencyNumber, String language) {
        if (redFlagSince == null) {
            return null;
        }
        boolean ours = !settingsSaved || ClinicSettings.DEFAULT_RED_FLAG_MESSAGE.equals(message);
        return PlanViews.StopView.redFlag(redFlagSince, ours ? RuleTexts.text(language, "stop.redFlag.message") : message,
                phone, EmergencyNumbers.effective(emergencyNumber, country), language);
    }

    /** The language of the texts of a plan or today's body, for a head already read (may read the clinic's translations). */
    public ContentLanguage language(PlanHead head) {
        ContentLanguage language = translations.forRequest(head.language());
        if (head.stop() != null) {
            language.usedForRuleTexts(RuleTexts.language(language.choice()));
        }
        return language;
    }

    /**
     * The body for a head already read: no further statement while the revision is in
     * {@link PlanRevisions}, one when it is not.
     */
    public PlanView myPlan(PlanHead head) {
        return myPlan(head, ContentLanguage.original());
    }

    /** The same in a request's language ({@link #language}). */
    public PlanView myPlan(PlanHead head, ContentLanguage language) {
        PlanRevisions.Entry rev = revisions.one(head.planId(), head.revision());
        PlanView plan = assemblers.forClinic(head.clinicId(), language).plan(planStub(head), head.revision(),
                rev.createdAt(), rev.content(), head.today(), head.timeZone(), head.stop())
                .withDueQuestionnaires(outcomeDue.views(head.clinicId(), head.dueQuestionnaires()));
        return plan.withMedia(media.manifest(head.clinicId(), head.patientId(), head.mediaVersion() != null,
                PlanMediaUses.exerciseIds(plan), PlanMediaUses.educationCardIds(plan), PlanMediaUses.personalMedia(plan)));
    }

    /**
     * Today's items and what was already done: the head, the revision (cached) and one
     * statement for the sessions since the earlier of Monday and {@link TodayProgress#MORNING_CHECK_DAYS}
     * days ago, with whether each has its next-morning check; one more for the care instructions
     * and next visit of the patient's visits ({@link CareForToday}).
     */
    public TodayPlan myToday(String language) {
        return myToday(language, null, null);
    }

    /**
     * The same in the language {@code acceptLanguage}, the patient's and the clinic's locale
     * choose; {@code chosen} (may be null) receives the {@link ContentLanguage} used, for the
     * response's Content-Language.
     */
    public TodayPlan myToday(String language, String acceptLanguage, java.util.function.Consumer<ContentLanguage> chosen) {
        PlanHead head = myHead(language, acceptLanguage);
        ContentLanguage texts = language(head);
        PlanContent content = revisions.one(head.planId(), head.revision()).content();
        LocalDate today = head.today();
        String ruleLanguage = RuleTexts.language(texts.choice());
        CareForToday.Today visits = care.of(head.patientId(), head.timeZone(), today, clock.instant(), ruleLanguage);
        if (!visits.careInstructions().isEmpty()) {
            texts.usedForRuleTexts(ruleLanguage);
        }
        if (chosen != null) {
            chosen.accept(texts);
        }
        return assemblers.forClinic(head.clinicId(), texts)
                .today(planStub(head), content, head.revision(), today, head.timeZone(), head.stop(), progress(head, today))
                .withVisits(visits)
                .withDueQuestionnaires(outcomeDue.views(head.clinicId(), head.dueQuestionnaires()));
    }

    private TodayProgress progress(PlanHead head, LocalDate today) {
        LocalDate since = TodayProgress.since(today);
        // local_date is the phone's date at its own offset (at most 18 hours from UTC): a day earlier in UTC is safe.
        Instant startedFrom = since.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneId zone = ZoneId.of(head.timeZone());
        List<TodayProgress.Logged> sessions = sql.list("""
                select s.id, s.started_at, s.utc_offset_minutes, s.local_date, s.items, m.session_id is not null,
                       s.ended_at, (select morning_check_min_hours from clinic_settings where clinic_id = ?)
                from session_log s left join morning_check m on m.patient_id = s.patient_id and m.session_id = s.id
                where s.patient_id = ? and s.started_at >= ? and s.local_date >= ?
                order by s.started_at""",
                rs -> {
                    LocalDate day = rs.getObject(4, LocalDate.class);
                    int minHours = rs.getObject(8) == null ? ClinicSettings.DEFAULT_MORNING_CHECK_MIN_HOURS : rs.getInt(8);
                    return new TodayProgress.Logged(Sql.uuid(rs, 1),
                            Sql.instant(rs, 2).atOffset(ZoneOffset.ofTotalSeconds(rs.getInt(3) * 60)),
                            day, json.read(rs.getString(5), REPORTED), rs.getBoolean(6),
                            MorningCheckWindow.opensAt(Sql.instant(rs, 7), day, zone, minHours));
                },
                head.clinicId(), head.patientId(), startedFrom, since);
        return TodayProgress.of(sessions, today);
    }

    /** The plan as the head describes it, for the assembler (not read from the database). */
    private static Plan planStub(PlanHead head) {
        Plan plan = new Plan();
        plan.id = head.planId();
        plan.patientId = head.patientId();
        plan.clinicId = head.clinicId();
        plan.createdAt = head.createdAt();
        plan.status = Plan.ACTIVE;
        plan.currentRevision = head.revision();
        return plan;
    }
}
