package app.glide.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.glide.visit.CareInstructions.Instruction;
import app.glide.visit.Intervention.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the patient is told after a visit, and while it applies (plain Java). */
class CareInstructionsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant AT = Instant.parse("2026-11-27T09:30:00Z");

    static Intervention of(Type type, Instant at) {
        return switch (type) {
            case MANUAL_THERAPY -> new Intervention(type, at, null,
                    new Intervention.ManualTherapy("PA mobilisation", "L5", null), null, null, null);
            case DRY_NEEDLING -> new Intervention(type, at, null, null,
                    new Intervention.DryNeedling(List.of("Piriformis"), Findings.Side.LEFT, true, null), null, null);
            case EDUCATION -> new Intervention(type, at, null, null, null, null,
                    new Intervention.Education(List.of("Pacing")));
            case KINESIOLOGY_TAPING -> new Intervention(type, at, null, null, null,
                    new Intervention.Taping("Lower back", null, at, Instant.parse("2026-11-30T17:00:00Z"), true), null);
        };
    }

    @Test
    void tapingSaysUntilWhenInThePatientsTimeAndWhenToTakeItOffEarlier() {
        List<Instruction> all = CareInstructions.of(List.of(of(Type.KINESIOLOGY_TAPING, AT)), BERLIN, 48);
        assertEquals(1, all.size());
        Instruction tape = all.get(0);
        assertEquals(CareInstructions.TAPING, tape.code());
        assertTrue(tape.text().contains("until Monday 30 November at 18:00"), tape.text());
        for (String word : List.of("itches", "red", "burns", "blisters", "Showering with the tape on is fine")) {
            assertTrue(tape.text().contains(word), word);
        }
        // Only what the domain notes say: no removal technique, oil or drying advice.
        for (String word : List.of("peel", "oil", "hair", "pat ", "towel", "rub")) {
            assertFalse(tape.text().contains(word), word);
        }
        assertEquals(AT, tape.appliesFrom());
        assertEquals(Instant.parse("2026-11-30T17:00:00Z"), tape.appliesUntil());
        assertTrue(tape.appliesAt(Instant.parse("2026-11-30T16:59:59Z")));
        assertFalse(tape.appliesAt(Instant.parse("2026-11-30T17:00:00Z")));
    }

    @Test
    void needlingAndManualTherapyGiveOneSorenessAndOneWhenToCallInstructionOverBoth() {
        Instant later = AT.plus(Duration.ofMinutes(20));
        List<Instruction> all = CareInstructions.of(List.of(of(Type.DRY_NEEDLING, AT), of(Type.MANUAL_THERAPY, later),
                of(Type.EDUCATION, AT)), BERLIN, 48);
        assertEquals(List.of(CareInstructions.SORENESS_EXPECTED, CareInstructions.WHEN_TO_CONTACT),
                all.stream().map(Instruction::code).toList());
        Instruction sore = all.get(0);
        assertTrue(sore.text().contains("After dry needling and manual therapy"), sore.text());
        assertTrue(sore.text().contains("expected and normal to feel sore where you were treated for 24 to 48 hours"),
                sore.text());
        assertTrue(sore.text().contains("not a reason to cut back your home exercises"), sore.text());
        for (String word : List.of("warmth", "heat", "bruised", "stiff")) {
            assertFalse(sore.text().contains(word), word);
        }
        assertEquals(AT, sore.appliesFrom());
        assertEquals(later.plus(Duration.ofHours(48)), sore.appliesUntil(), "from the last treatment");
        Instruction call = all.get(1);
        String text = call.text();
        // Every red flag of the domain notes, sent to same-day medical care / emergency services.
        String redFlags = text.substring(0, text.indexOf("If your pain simply gets worse"));
        for (String flag : List.of("numbness around your bottom or genitals", "bladder or bowel",
                "symptoms in both legs", "weakness in your leg that is getting worse", "foot drop",
                "medical care the same day", "urgent medical care", "emergency services", "red-flag check-in")) {
            assertTrue(redFlags.contains(flag), flag + " in: " + redFlags);
        }
        assertFalse(redFlags.contains("contact the clinic"), "red flags are not sent to the clinic: " + redFlags);
        // Only ordinary worsening pain goes to the clinic, after the red flags.
        assertTrue(text.endsWith("If your pain simply gets worse, without any of these signs, contact the clinic."),
                text);
        assertEquals("When to get help", call.title());
    }

    @Test
    void aLongerClinicWindowLengthensTheSorenessInstructionsAShorterOneDoesNotShortenThem() {
        assertEquals(AT.plus(Duration.ofHours(72)),
                CareInstructions.of(List.of(of(Type.MANUAL_THERAPY, AT)), BERLIN, 72).get(0).appliesUntil());
        assertEquals(AT.plus(Duration.ofHours(48)),
                CareInstructions.of(List.of(of(Type.MANUAL_THERAPY, AT)), BERLIN, 0).get(0).appliesUntil());
        assertTrue(CareInstructions.of(List.of(of(Type.MANUAL_THERAPY, AT)), BERLIN, 48).get(0).text()
                .startsWith("After manual therapy"));
    }

    @Test
    void educationAloneNeedsNoInstruction() {
        assertEquals(List.of(), CareInstructions.of(List.of(of(Type.EDUCATION, AT)), BERLIN, 48));
        assertEquals(List.of(), CareInstructions.of(List.of(), BERLIN, 48));
    }

    @Test
    void inGermanWithTheSameCodesTimesAndRedFlags() {
        List<Instruction> tape = CareInstructions.of(List.of(of(Type.KINESIOLOGY_TAPING, AT)), BERLIN, 48, "de");
        assertEquals("Ihr Tape (Lower back)", tape.get(0).title());
        assertTrue(tape.get(0).text().contains("bis Montag, 30. November um 18:00 Uhr"), tape.get(0).text());
        assertTrue(tape.get(0).text().contains("Duschen"), tape.get(0).text());
        List<Instruction> sore = CareInstructions.of(List.of(of(Type.DRY_NEEDLING, AT)), BERLIN, 48, "de");
        assertEquals(List.of(CareInstructions.SORENESS_EXPECTED, CareInstructions.WHEN_TO_CONTACT),
                sore.stream().map(Instruction::code).toList());
        assertTrue(sore.get(0).text().startsWith("Nach Dry Needling"), sore.get(0).text());
        for (String sign : List.of("Taubheit", "Wasserlassen", "beiden Beinen", "Schwäche", "Fußheberschwäche", "Notruf")) {
            assertTrue(sore.get(1).text().contains(sign), sign);
        }
        assertEquals(CareInstructions.of(List.of(of(Type.DRY_NEEDLING, AT)), BERLIN, 48).get(0).appliesUntil(),
                sore.get(0).appliesUntil());
        // A language we do not ship: English.
        assertEquals(CareInstructions.of(List.of(of(Type.DRY_NEEDLING, AT)), BERLIN, 48),
                CareInstructions.of(List.of(of(Type.DRY_NEEDLING, AT)), BERLIN, 48, "fr"));
    }
}
