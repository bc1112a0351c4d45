package app.glide.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.glide.visit.Intervention.DryNeedling;
import app.glide.visit.Intervention.Taping;
import app.glide.visit.Intervention.Type;
import app.glide.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cross-field checks of a visit and what is stored (plain Java). */
class VisitRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Instant AT = Instant.parse("2026-11-27T09:30:00Z");
    /** 12:00 in Berlin on TODAY. */
    static final Instant NOW = Instant.parse("2026-11-27T11:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final UUID ME = UUID.randomUUID();
    static final UUID COLLEAGUE = UUID.randomUUID();

    static VisitDtos.VisitRequest visit(LocalDate date, LocalDate next, Findings f, List<Intervention> iv) {
        return new VisitDtos.VisitRequest(VisitDtos.Kind.EVALUATION, date, f, iv, next, "  Walk daily.  ", " ");
    }

    static Findings pain(Integer worst, Integer least, Findings.WorkingClassification wc) {
        return new Findings(null, worst, least, null, null, null, null, null, null, wc, null);
    }

    static Intervention needling(boolean consent) {
        return new Intervention(Type.DRY_NEEDLING, AT, null, null,
                new DryNeedling(List.of("Gluteus medius"), Findings.Side.LEFT, consent, null), null, null);
    }

    static Intervention tape(Instant applied, Instant until) {
        return new Intervention(Type.KINESIOLOGY_TAPING, AT, null, null, null,
                new Taping(" Lumbar ", "", applied, until, true), null);
    }

    static VisitContent check(VisitDtos.VisitRequest r) {
        return VisitRules.check(r, NOW, BERLIN, ME, COLLEAGUE::equals);
    }

    static ApiProblem refused(VisitDtos.VisitRequest r) {
        return assertThrows(ApiProblem.class, () -> check(r));
    }

    @Test
    void aPlainVisitIsStoredWithNotesTrimmedAndBlankNotesLeftOut() {
        VisitContent c = check(visit(TODAY, TODAY.plusDays(7), pain(7, 3, null), null));
        assertEquals("Walk daily.", c.patientNote());
        assertNull(c.clinicalNote());
        assertEquals(List.of(), c.interventions());
        assertEquals(TODAY.plusDays(7), c.nextVisitOn());
    }

    @Test
    void notesOfOnlyInvisibleSpacesAreLeftOutAndTextsLoseInvisibleEdges() {
        VisitContent c = VisitRules.check(new VisitDtos.VisitRequest(VisitDtos.Kind.FOLLOW_UP, TODAY, null,
                List.of(new Intervention(Type.KINESIOLOGY_TAPING, AT, null, null, null,
                        new Taping("\u00a0Lumbar\u200b", "\u00a0\u3000", null, AT.plusSeconds(3600), true), null)),
                null, "\u00a0", "\u200b\u00a0Walk daily.\u00a0"), NOW, BERLIN, ME, COLLEAGUE::equals);
        assertNull(c.patientNote());
        assertEquals("Walk daily.", c.clinicalNote());
        assertEquals("Lumbar", c.interventions().get(0).taping().region());
        assertNull(c.interventions().get(0).taping().application());
    }

    @Test
    void shapeErrorsAreOneValidationProblemNamingEveryField() {
        ApiProblem p = refused(visit(TODAY.plusDays(1), TODAY, pain(3, 5,
                new Findings.WorkingClassification(Findings.Category.RADICULOPATHY, null, Findings.Side.LEFT)),
                List.of(new Intervention(Type.DRY_NEEDLING, AT, null, null, null, null, null))));
        assertEquals(400, p.status());
        assertEquals("validation", p.slug());
        assertEquals(List.of("visitDate", "nextVisitOn", "findings.leastPain", "findings.workingClassification.level",
                "interventions[0].dryNeedling"), p.errors().stream().map(ApiProblem.FieldError::field).toList());
    }

    @Test
    void detailsOfAnotherTypeAreRefused() {
        Intervention mixed = new Intervention(Type.EDUCATION, AT, null, null,
                new DryNeedling(List.of("Piriformis"), Findings.Side.RIGHT, true, null), null,
                new Intervention.Education(List.of("Sciatica is common and usually gets better")));
        ApiProblem p = refused(visit(TODAY, null, null, List.of(mixed)));
        assertEquals("interventions[0].dryNeedling", p.errors().get(0).field());
        assertEquals("must be absent for EDUCATION", p.errors().get(0).message());
    }

    @Test
    void radiculopathyWithALevelPasses() {
        VisitContent c = check(visit(TODAY, null, pain(null, null,
                new Findings.WorkingClassification(Findings.Category.RADICULOPATHY, Findings.Level.L5, Findings.Side.LEFT)),
                null));
        assertEquals(Findings.Level.L5, c.findings().workingClassification().level());
    }

    @Test
    void needlingNeedsConsent() {
        ApiProblem p = refused(visit(TODAY, null, null, List.of(needling(false))));
        assertEquals(422, p.status());
        assertEquals("needling-consent-missing", p.slug());
        assertEquals("interventions[0].dryNeedling.consentRecorded", p.errors().get(0).field());
        assertEquals(ME, check(visit(TODAY, null, null, List.of(needling(true)))).interventions().get(0).givenBy(),
                "given by the caller unless named");
    }

    @Test
    void aTapeIsWornAfterItIsAppliedForAtMostSevenDays() {
        ApiProblem before = refused(visit(TODAY, null, null, List.of(tape(AT, AT.minusSeconds(60)))));
        assertEquals(422, before.status());
        assertEquals("taping-wear-invalid", before.slug());
        assertEquals("interventions[0].taping.wearUntil", before.errors().get(0).field());
        assertEquals("taping-wear-invalid", refused(visit(TODAY, null, null, List.of(tape(AT, AT)))).slug());
        assertEquals("taping-wear-invalid", refused(visit(TODAY, null, null,
                List.of(tape(AT, AT.plus(Duration.ofDays(7)).plusSeconds(1))))).slug());
        Taping stored = check(visit(TODAY, null, null, List.of(tape(null, AT.plus(Duration.ofDays(7))))))
                .interventions().get(0).taping();
        assertEquals(AT, stored.appliedAt(), "applied when given unless said");
        assertEquals("Lumbar", stored.region());
        assertNull(stored.application());
    }

    @Test
    void givenByMustBeATherapistOfTheClinic() {
        Intervention byColleague = new Intervention(Type.MANUAL_THERAPY, AT, COLLEAGUE,
                new Intervention.ManualTherapy("PA mobilisation", "L4-L5", Intervention.Grade.III), null, null, null);
        assertEquals(COLLEAGUE, check(visit(TODAY, null, null, List.of(byColleague))).interventions().get(0).givenBy());
        Intervention byStranger = new Intervention(Type.MANUAL_THERAPY, AT, UUID.randomUUID(),
                new Intervention.ManualTherapy("PA mobilisation", "L4-L5", null), null, null, null);
        ApiProblem p = refused(visit(TODAY, null, null, List.of(byStranger)));
        assertEquals(422, p.status());
        assertEquals("therapist-not-found", p.slug());
        assertEquals("interventions[0].givenBy", p.errors().get(0).field());
    }

    static Intervention manualAt(Instant at) {
        return new Intervention(Type.MANUAL_THERAPY, at, null,
                new Intervention.ManualTherapy("PA mobilisation", "L4-L5", null), null, null, null);
    }

    static String givenAtRefusal(LocalDate date, Instant givenAt) {
        ApiProblem p = refused(visit(date, null, null, List.of(manualAt(givenAt))));
        assertEquals(422, p.status());
        assertEquals("interventions[0].givenAt", p.errors().get(0).field());
        return p.slug();
    }

    @Test
    void aVisitDateIsAtMostFiveYearsAgo() {
        assertEquals(TODAY.minusYears(5), check(visit(TODAY.minusYears(5), null, null, null)).visitDate());
        for (LocalDate old : List.of(TODAY.minusYears(5).minusDays(1), LocalDate.parse("-5000-01-01"), LocalDate.MIN)) {
            ApiProblem p = refused(visit(old, null, null, null));
            assertEquals(422, p.status(), old.toString());
            assertEquals("visit-date-out-of-range", p.slug());
            assertEquals("visitDate", p.errors().get(0).field());
        }
        // The far future stays the 400 of a visit after today, never an arithmetic overflow.
        assertEquals("validation", refused(visit(LocalDate.MAX, LocalDate.MAX, null, null)).slug());
    }

    @Test
    void theNextVisitIsWithinAYearOfTheVisit() {
        LocalDate visit = TODAY.minusDays(3);
        assertEquals(visit.plusYears(1), check(visit(visit, visit.plusYears(1), null, null)).nextVisitOn());
        for (LocalDate far : List.of(visit.plusYears(1).plusDays(1), LocalDate.MAX)) {
            ApiProblem p = refused(visit(visit, far, null, null));
            assertEquals(422, p.status());
            assertEquals("next-visit-out-of-range", p.slug());
            assertEquals("nextVisitOn", p.errors().get(0).field());
        }
    }

    @Test
    void aTreatmentIsGivenOnTheVisitsDateInThePatientsZoneOrThatNightAndNotInTheFuture() {
        for (String far : List.of("+300000-01-01T00:00:00Z", "2090-01-01T00:00:00Z", "0001-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z")) {
            assertEquals("intervention-time-out-of-range", givenAtRefusal(TODAY, Instant.parse(far)), far);
        }
        // 00:00 in Berlin on the visit's date is the first moment; the instant before is the day before.
        Instant midnight = Instant.parse("2026-11-26T23:00:00Z");
        assertEquals(midnight, check(visit(TODAY, null, null, List.of(manualAt(midnight)))).interventions().get(0)
                .givenAt());
        givenAtRefusal(TODAY, midnight.minusSeconds(1));
        // An evening visit yesterday: the night counts until 06:00 today (Berlin).
        Instant sixAm = Instant.parse("2026-11-27T05:00:00Z");
        check(visit(TODAY.minusDays(1), null, null, List.of(manualAt(sixAm))));
        givenAtRefusal(TODAY.minusDays(1), sixAm.plusSeconds(1));
        // Today: a tablet's clock may run 10 minutes fast, no more.
        check(visit(TODAY, null, null, List.of(manualAt(NOW.plus(VisitRules.CLOCK_SKEW)))));
        givenAtRefusal(TODAY, NOW.plus(VisitRules.CLOCK_SKEW).plusSeconds(1));
    }

    @Test
    void aTapesAppliedAtIsCheckedLikeTheTreatmentTime() {
        ApiProblem p = refused(visit(TODAY, null, null,
                List.of(tape(Instant.parse("2090-01-01T00:00:00Z"), Instant.parse("2090-01-03T00:00:00Z")))));
        assertEquals(422, p.status());
        assertEquals("intervention-time-out-of-range", p.slug());
        assertEquals(List.of("interventions[0].taping.appliedAt"),
                p.errors().stream().map(ApiProblem.FieldError::field).toList());
        // A wearUntil far ahead is refused as a wear time (at most 7 days after appliedAt).
        assertEquals("taping-wear-invalid", refused(visit(TODAY, null, null,
                List.of(tape(AT, Instant.parse("+300000-01-01T00:00:00Z"))))).slug());
    }

    @Test
    void theVisitEtagNamesTheVersion() {
        UUID id = UUID.randomUUID();
        VisitEtag.requireCurrent(VisitEtag.header(id, 2), id, 2);
        VisitEtag.requireCurrent(VisitEtag.header(id, 1) + ", " + VisitEtag.header(id, 2), id, 2);
        for (String missing : java.util.Arrays.asList(null, "", " ", "*", " * ")) {
            ApiProblem required = assertThrows(ApiProblem.class, () -> VisitEtag.requireCurrent(missing, id, 2));
            assertEquals(428, required.status(), "If-Match: " + missing);
            assertEquals("precondition-required", required.slug());
        }
        ApiProblem p = assertThrows(ApiProblem.class, () -> VisitEtag.requireCurrent(VisitEtag.header(id, 1), id, 2));
        assertEquals(412, p.status());
        assertEquals("visit-changed", p.slug());
    }
}
