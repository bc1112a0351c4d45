package app.glide.outcome;

import app.glide.testing.Actors;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Questionnaire submissions as the phone sends them, mutable so a test can change a field. */
final class QuestionnaireBodies {

    private QuestionnaireBodies() {
    }

    static Map<String, Object> items(String instrumentId, OffsetDateTime at, Map<String, String> answers) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("instrumentId", instrumentId);
        b.put("instrumentVersion", "1");
        b.put("answeredAt", Actors.RFC3339.format(at));
        b.put("answers", answers);
        return b;
    }

    static Map<String, Object> psfs(OffsetDateTime at, Object... nameRating) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("instrumentId", Psfs.ID);
        b.put("instrumentVersion", "1");
        b.put("answeredAt", Actors.RFC3339.format(at));
        List<Map<String, Object>> acts = new ArrayList<>();
        for (int i = 0; i < nameRating.length; i += 2) {
            acts.add(Map.of("name", nameRating[i], "rating", nameRating[i + 1]));
        }
        b.put("activities", acts);
        return b;
    }

    /** ODI sections (0-5; -1 leaves the section out). */
    static Map<String, Object> odi(OffsetDateTime at, int... points) {
        return items(Oswestry.ID, at, Answers.numbers("odi", points));
    }

    static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(days).withNano(0);
    }
}
