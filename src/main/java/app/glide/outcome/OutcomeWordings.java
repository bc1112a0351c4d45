package app.glide.outcome;

import app.glide.access.Caller;
import app.glide.audit.AuditLog;
import app.glide.db.Sql;
import app.glide.web.ApiProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each clinic's licensed wording of the instruments, per language, as the FHIR Questionnaire its
 * admin loaded (checked against the structure first), and the instruments as the caller reads them:
 * in the caller's language when the clinic loaded it (or we word the instrument ourselves in it),
 * else the clinic's English, else the structure with only our own English texts.
 */
@ApplicationScoped
@Transactional
public class OutcomeWordings {

    public static final String ENGLISH = "en";

    @Inject
    Caller caller;

    @Inject
    Sql sql;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public record Loaded(JsonNode questionnaire, boolean created) {
    }

    public Loaded put(String instrumentId, String language, JsonNode questionnaire) {
        InstrumentDefinition d = OutcomeSchedules.instrument(instrumentId);
        String lang = language.toLowerCase(Locale.ROOT);
        try {
            Wording.check(d, QuestionnaireScoring.STRUCTURE_VERSION, lang, questionnaire);
        } catch (Wording.Refused r) {
            String slug = r.kind() == Wording.Kind.NOT_A_QUESTIONNAIRE ? "wording-not-a-questionnaire"
                    : r.kind() == Wording.Kind.INSTRUMENT_MISMATCH ? "wording-instrument-mismatch"
                    : r.kind() == Wording.Kind.UNKNOWN_LINK_ID ? "wording-unknown-link-id"
                    : r.kind() == Wording.Kind.UNKNOWN_ANSWER_CODE ? "wording-unknown-answer-code"
                    : "wording-incomplete";
            throw new ApiProblem(422, slug, "Wording does not match " + d.id(), r.errors().size()
                    + " problem(s) in the questionnaire.", r.errors().stream()
                    .map(e -> new ApiProblem.FieldError(e.field(), e.message())).toList(), null);
        }
        boolean created = sql.first("""
                insert into outcome_wording (clinic_id, instrument_id, instrument_version, language, questionnaire,
                    loaded_by, loaded_at)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (clinic_id, instrument_id, instrument_version, language) do update set
                    questionnaire = excluded.questionnaire, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at
                returning (xmax = 0)""", rs -> rs.getBoolean(1), caller.clinicId(), d.id(),
                QuestionnaireScoring.STRUCTURE_VERSION, lang, write(questionnaire), caller.userId(), clock.instant())
                .orElseThrow();
        audit.record("outcome_wording", d.id() + "/" + lang, created ? "loaded" : "replaced",
                Map.of("version", QuestionnaireScoring.STRUCTURE_VERSION));
        return new Loaded(questionnaire, created);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonNode get(String instrumentId, String language) {
        InstrumentDefinition d = OutcomeSchedules.instrument(instrumentId);
        String lang = language.toLowerCase(Locale.ROOT);
        return sql.first("""
                select questionnaire::text from outcome_wording
                where clinic_id = ? and instrument_id = ? and instrument_version = ? and language = ?""",
                rs -> read(rs.getString(1)), caller.clinicId(), d.id(), QuestionnaireScoring.STRUCTURE_VERSION, lang)
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not found", "Your clinic has loaded no wording of "
                        + d.id() + " in '" + lang + "'."));
    }

    /** Every instrument (or one) as the caller reads it in {@code language}. One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InstrumentView> instruments(String onlyInstrument, String language) {
        List<InstrumentDefinition> defs = onlyInstrument == null ? Instruments.ALL
                : List.of(OutcomeSchedules.instrument(onlyInstrument));
        List<String> candidates = candidates(language);
        Map<String, Map<String, JsonNode>> loaded = new HashMap<>();
        sql.list("""
                select instrument_id, language, questionnaire::text from outcome_wording
                where clinic_id = ? and instrument_version = ? and language = any(?)""",
                rs -> loaded.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                        read(rs.getString(3))),
                caller.clinicId(), QuestionnaireScoring.STRUCTURE_VERSION, candidates.toArray(new String[0]));
        List<InstrumentView> views = new ArrayList<>();
        for (InstrumentDefinition d : defs) {
            views.add(InstrumentView.of(d, wording(d.id(), candidates, loaded.getOrDefault(d.id(), Map.of()))));
        }
        return views;
    }

    /** The language tag, its primary subtag, then English: the order in which wordings are tried. */
    static List<String> candidates(String language) {
        List<String> c = new ArrayList<>();
        if (language != null && !language.isBlank() && !language.equals("*")) {
            String tag = language.toLowerCase(Locale.ROOT);
            c.add(tag);
            String primary = tag.split("-")[0];
            if (!c.contains(primary)) {
                c.add(primary);
            }
        }
        if (!c.contains(ENGLISH)) {
            c.add(ENGLISH);
        }
        return c;
    }

    /** The wording chosen: a language the clinic loaded, or ({@code ours}) our own German text. */
    record Choice(String language, boolean ours) {
    }

    /**
     * The first candidate language with a wording: the clinic's loaded one, or ours in German
     * (PSFS, NPRS); null when none has one (the structure is served alone).
     */
    static Choice choose(String instrumentId, List<String> candidates, java.util.Set<?> loadedLanguages) {
        for (String lang : candidates) {
            if (loadedLanguages.contains(lang)) {
                return new Choice(lang, false);
            }
            if (lang.equals("de") && InstrumentView.OWN_GERMAN.containsKey(instrumentId)) {
                return new Choice(lang, true);
            }
        }
        return null;
    }

    private static Wording wording(String instrumentId, List<String> candidates, Map<String, JsonNode> loaded) {
        Choice c = choose(instrumentId, candidates, loaded.keySet());
        return c == null ? null : c.ours() ? InstrumentView.OWN_GERMAN.get(instrumentId)
                : Wording.read(c.language(), loaded.get(c.language()));
    }

    private String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
