package app.glide.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A clinic's licensed wording of an instrument in one language, from a FHIR R4 {@code Questionnaire}
 * (resourceType, url ending in the instrument id, version = our structure version, item[] with
 * linkId = our item ids, text, answerOption[].valueCoding {code = our answer code, display}).
 * {@link #check} refuses a questionnaire that does not match the structure exactly: every item and
 * every answer code once, each with its text. Plain Java.
 */
public record Wording(String language, Map<String, String> itemTexts, Map<String, Map<String, String>> optionTexts) {

    /** What is wrong with an uploaded questionnaire; {@code kind} picks the problem type. */
    public enum Kind { NOT_A_QUESTIONNAIRE, INSTRUMENT_MISMATCH, UNKNOWN_LINK_ID, UNKNOWN_ANSWER_CODE, INCOMPLETE }

    public static final class Refused extends RuntimeException {
        private final Kind kind;
        private final List<AnswerError> errors;

        Refused(Kind kind, List<AnswerError> errors) {
            super(kind + ": " + errors);
            this.kind = kind;
            this.errors = List.copyOf(errors);
        }

        public Kind kind() {
            return kind;
        }

        public List<AnswerError> errors() {
            return errors;
        }
    }

    /** The wording of {@code questionnaire} for the instrument, or a {@link Refused} listing every mismatch. */
    public static Wording check(InstrumentDefinition instrument, String version, String language, JsonNode q) {
        if (q == null || !q.isObject() || !"Questionnaire".equals(q.path("resourceType").asText(null))
                || !q.path("item").isArray()) {
            throw new Refused(Kind.NOT_A_QUESTIONNAIRE, List.of(new AnswerError("resourceType",
                    "a FHIR R4 Questionnaire is needed: resourceType \"Questionnaire\" with an item array")));
        }
        List<AnswerError> mismatch = new ArrayList<>();
        String url = q.path("url").asText("");
        if (!url.endsWith("/" + instrument.id())) {
            mismatch.add(new AnswerError("url", "url '" + url + "' must end with /" + instrument.id()));
        }
        if (!version.equals(q.path("version").asText(null))) {
            mismatch.add(new AnswerError("version", "version must be '" + version + "', the structure version of "
                    + instrument.id()));
        }
        String lang = q.path("language").asText(null);
        if (lang != null && !lang.equalsIgnoreCase(language)) {
            mismatch.add(new AnswerError("language", "language '" + lang + "' differs from the path's '" + language + "'"));
        }
        if (!mismatch.isEmpty()) {
            throw new Refused(Kind.INSTRUMENT_MISMATCH, mismatch);
        }
        List<AnswerError> unknownItems = new ArrayList<>();
        List<AnswerError> unknownCodes = new ArrayList<>();
        List<AnswerError> incomplete = new ArrayList<>();
        Map<String, String> itemTexts = new LinkedHashMap<>();
        Map<String, Map<String, String>> optionTexts = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode node : q.path("item")) {
            String field = "item[" + i++ + "]";
            String linkId = node.path("linkId").asText(null);
            Item item = linkId == null ? null : instrument.item(linkId).orElse(null);
            if (item == null) {
                unknownItems.add(new AnswerError(field + ".linkId", "linkId '" + linkId + "' is not an item of "
                        + instrument.id()));
                continue;
            }
            if (itemTexts.containsKey(linkId)) {
                incomplete.add(new AnswerError(field + ".linkId", "item " + linkId + " is worded twice"));
                continue;
            }
            String text = node.path("text").asText("");
            if (text.isBlank()) {
                incomplete.add(new AnswerError(field + ".text", "item " + linkId + " has no text"));
            }
            itemTexts.put(linkId, text);
            Map<String, String> displays = new LinkedHashMap<>();
            int j = 0;
            for (JsonNode option : node.path("answerOption")) {
                String of = field + ".answerOption[" + j++ + "].valueCoding";
                String code = option.path("valueCoding").path("code").asText(null);
                if (code == null || item.option(code).isEmpty()) {
                    unknownCodes.add(new AnswerError(of + ".code", "item " + linkId + " has no answer code '" + code + "'"));
                } else if (displays.containsKey(code)) {
                    incomplete.add(new AnswerError(of + ".code", "answer " + code + " of " + linkId + " is worded twice"));
                } else {
                    String display = option.path("valueCoding").path("display").asText("");
                    if (display.isBlank()) {
                        incomplete.add(new AnswerError(of + ".display", "answer " + code + " of " + linkId + " has no display"));
                    }
                    displays.put(code, display);
                }
            }
            Set<String> missing = new HashSet<>();
            item.options().forEach(o -> {
                if (!displays.containsKey(o.code())) {
                    missing.add(o.code());
                }
            });
            if (!missing.isEmpty()) {
                incomplete.add(new AnswerError(field + ".answerOption", "item " + linkId + " lacks answer code(s) "
                        + missing.stream().sorted().toList()));
            }
            optionTexts.put(linkId, displays);
        }
        instrument.items().stream().filter(it -> !itemTexts.containsKey(it.id()))
                .forEach(it -> incomplete.add(new AnswerError("item", "item " + it.id() + " is not worded")));
        if (!unknownItems.isEmpty()) {
            throw new Refused(Kind.UNKNOWN_LINK_ID, unknownItems);
        }
        if (!unknownCodes.isEmpty()) {
            throw new Refused(Kind.UNKNOWN_ANSWER_CODE, unknownCodes);
        }
        if (!incomplete.isEmpty()) {
            throw new Refused(Kind.INCOMPLETE, incomplete);
        }
        return new Wording(language, itemTexts, optionTexts);
    }

    /** The wording of a stored (already checked) questionnaire. */
    public static Wording read(String language, JsonNode q) {
        Map<String, String> items = new HashMap<>();
        Map<String, Map<String, String>> options = new HashMap<>();
        for (JsonNode node : q.path("item")) {
            String linkId = node.path("linkId").asText();
            items.put(linkId, node.path("text").asText());
            Map<String, String> displays = new HashMap<>();
            node.path("answerOption").forEach(o -> displays.put(o.path("valueCoding").path("code").asText(),
                    o.path("valueCoding").path("display").asText()));
            options.put(linkId, displays);
        }
        return new Wording(language, items, options);
    }
}
