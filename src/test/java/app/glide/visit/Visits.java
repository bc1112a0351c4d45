package app.glide.visit;

import app.glide.testing.Actors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Visit bodies as a therapist's tool sends them, mutable so a test can break one field. */
public final class Visits {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");

    private Visits() {
    }

    /**
     * {@code ago} before now, but not before today's midnight in Berlin (the test patients' zone):
     * a treatment time on today's visit whatever the time of day the test runs.
     */
    public static Instant earlierToday(Duration ago) {
        Instant midnight = LocalDate.now(BERLIN).atStartOfDay(BERLIN).toInstant();
        Instant at = Instant.now().minus(ago);
        return at.isBefore(midnight) ? midnight : at;
    }

    public static Map<String, Object> body(LocalDate date, List<Map<String, Object>> interventions) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("kind", "EVALUATION");
        b.put("visitDate", date.toString());
        b.put("findings", findings());
        b.put("interventions", interventions);
        b.put("nextVisitOn", date.plusDays(7).toString());
        b.put("patientNote", "Keep walking every day, little and often.");
        b.put("clinicalNote", "SECRET-CLINICAL: L5 radicular pain, no red flags.");
        return b;
    }

    static Map<String, Object> findings() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("painDistribution", List.of(Map.of("region", "BUTTOCK", "side", "LEFT"),
                Map.of("region", "CALF", "side", "LEFT")));
        f.put("worstPain", 7);
        f.put("leastPain", 3);
        f.put("straightLegRaise", new HashMap<>(Map.of(
                "left", new HashMap<>(Map.of("angleDegrees", 45, "reproducesLegSymptoms", true)),
                "right", new HashMap<>(Map.of("angleDegrees", 80, "reproducesLegSymptoms", false)))));
        f.put("slump", Map.of("left", "POSITIVE", "right", "NEGATIVE"));
        f.put("crossedSlrPositive", false);
        f.put("neuro", new HashMap<>(Map.of(
                "myotomes", Map.of("l4", Map.of("left", 5, "right", 5), "l5", Map.of("left", 4, "right", 5),
                        "s1", Map.of("left", 5, "right", 5)),
                "reflexes", new HashMap<>(Map.of("knee", new HashMap<>(Map.of("left", 2, "right", 2)),
                        "ankle", new HashMap<>(Map.of("left", 1, "right", 2)))),
                "sensation", Map.of("l5", Map.of("left", "REDUCED", "right", "NORMAL")))));
        f.put("lumbarRom", Map.of("flexion", "REDUCED_MODERATE", "extension", "FULL"));
        f.put("repeatedMovements", Map.of("movementsTested", List.of("Repeated extension in lying"),
                "directionalPreference", "EXTENSION", "centralised", true));
        f.put("workingClassification", new HashMap<>(Map.of("category", "RADICULAR_PAIN", "side", "LEFT")));
        f.put("functionalGoals", List.of("Sit through a 2-hour meeting", "Walk the dog for 30 minutes"));
        return f;
    }

    static Map<String, Object> needling(Instant at) {
        return new LinkedHashMap<>(Map.of("type", "DRY_NEEDLING", "givenAt", at.toString(),
                "dryNeedling", new HashMap<>(Map.of("muscles", List.of("Gluteus medius", "Piriformis"), "side", "LEFT",
                        "consentRecorded", true))));
    }

    static Map<String, Object> manual(Instant at) {
        return new LinkedHashMap<>(Map.of("type", "MANUAL_THERAPY", "givenAt", at.toString(),
                "manualTherapy", Map.of("technique", "Central PA mobilisation", "region", "L4-L5", "grade", "III")));
    }

    public static Map<String, Object> taping(Instant at, Instant wearUntil) {
        return new LinkedHashMap<>(Map.of("type", "KINESIOLOGY_TAPING", "givenAt", at.toString(),
                "taping", new HashMap<>(Map.of("region", "Lower back", "application", "Two I-strips",
                        "wearUntil", wearUntil.toString(), "skinCheckDone", true))));
    }

    static Map<String, Object> education(Instant at) {
        return new LinkedHashMap<>(Map.of("type", "EDUCATION", "givenAt", at.toString(),
                "education", Map.of("topics", List.of("Sciatica usually gets better"))));
    }

    static Map<String, Object> planBody(Actors.Session therapist, String reason, String visitId) {
        Map<String, Object> b = new HashMap<>(Map.of("reason", reason, "items", List.of(
                Map.of("exerciseId", Actors.exerciseId(therapist, "glute-bridge"),
                        "dosage", Map.of("sets", 2, "reps", 10), "schedule", Map.of("daysOfWeek", EVERY_DAY)))));
        if (visitId != null) {
            b.put("visitId", visitId);
        }
        return b;
    }
}
