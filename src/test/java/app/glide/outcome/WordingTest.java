package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clinic's FHIR Questionnaire checked against an instrument's structure. Plain Java. */
class WordingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** NPRS worded completely: item text and a display for each of "0" to "10". */
    static ObjectNode nprs() {
        ObjectNode q = JSON.createObjectNode().put("resourceType", "Questionnaire")
                .put("url", "https://clinic.example/Questionnaire/nprs").put("version", "1");
        ObjectNode item = q.putArray("item").addObject().put("linkId", "nprs-1").put("text", "Schmerz jetzt");
        ArrayNode options = item.putArray("answerOption");
        for (int i = 0; i <= 10; i++) {
            options.addObject().putObject("valueCoding").put("code", Integer.toString(i)).put("display", "Stufe " + i);
        }
        return q;
    }

    static Wording.Refused refused(ObjectNode q) {
        return assertThrows(Wording.Refused.class, () -> Wording.check(Nprs.DEFINITION, "1", "de", q));
    }

    @Test
    void aCompleteWordingGivesItsTexts() {
        Wording w = Wording.check(Nprs.DEFINITION, "1", "de", nprs());
        assertEquals("Schmerz jetzt", w.itemTexts().get("nprs-1"));
        assertEquals("Stufe 10", w.optionTexts().get("nprs-1").get("10"));
        assertEquals(w, Wording.read("de", nprs()));
    }

    @Test
    void eachMismatchIsNamed() {
        assertEquals(Wording.Kind.NOT_A_QUESTIONNAIRE, refused(nprs().put("resourceType", "Patient")).kind());
        Wording.Refused version = refused(nprs().put("version", "2").put("url", "x/odi-2.1a"));
        assertEquals(Wording.Kind.INSTRUMENT_MISMATCH, version.kind());
        assertEquals(List.of("url", "version"), version.errors().stream().map(AnswerError::field).toList());
        ObjectNode unknownLink = nprs();
        ((ObjectNode) unknownLink.get("item").get(0)).put("linkId", "nprs-2");
        assertEquals(Wording.Kind.UNKNOWN_LINK_ID, refused(unknownLink).kind());
        ObjectNode unknownCode = nprs();
        ((ObjectNode) unknownCode.get("item").get(0).get("answerOption").get(3).get("valueCoding")).put("code", "11");
        assertEquals(Wording.Kind.UNKNOWN_ANSWER_CODE, refused(unknownCode).kind());
        ObjectNode missing = nprs();
        ((ArrayNode) missing.get("item").get(0).get("answerOption")).remove(10);
        Wording.Refused incomplete = refused(missing);
        assertEquals(Wording.Kind.INCOMPLETE, incomplete.kind());
        assertEquals("item nprs-1 lacks answer code(s) [10]", incomplete.errors().get(0).message());
        ObjectNode twice = nprs();
        ((ArrayNode) twice.get("item")).add(twice.get("item").get(0).deepCopy());
        assertEquals("item nprs-1 is worded twice", refused(twice).errors().get(0).message());
    }
}
