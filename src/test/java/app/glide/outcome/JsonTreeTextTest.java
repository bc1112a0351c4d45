package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.web.Text;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The text rule over a whole tree: values and field names at any depth, with the field's path. */
class JsonTreeTextTest {

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void cleanTreesPass() throws Exception {
        assertNull(JsonTreeText.problem(json("{\"a\":[{\"b\":\"Pain 😀 Schmerz\"}],\"n\":1,\"t\":true,\"z\":null}")));
    }

    @Test
    void aNulInAValueIsNamedByItsPath() throws Exception {
        assertEquals(new JsonTreeText.Problem("item[1].answerOption[0].valueCoding.display", Text.NUL_MESSAGE),
                JsonTreeText.problem(json("{\"item\":[{\"text\":\"ok\"},{\"answerOption\":[{\"valueCoding\":"
                        + "{\"display\":\"Pa\\u0000in\"}}]}]}")));
    }

    @Test
    void aNulInAFieldNameNamesTheObjectHoldingIt() throws Exception {
        assertEquals(new JsonTreeText.Problem("item[0]", "a field name " + Text.NUL_MESSAGE),
                JsonTreeText.problem(json("{\"item\":[{\"te\\u0000xt\":\"ok\"}]}")));
        assertEquals(new JsonTreeText.Problem("body", "a field name " + Text.NUL_MESSAGE),
                JsonTreeText.problem(json("{\"\\u0000\":1}")));
    }

    @Test
    void aLoneSurrogateIsRefusedAPairIsNot() throws Exception {
        assertEquals(new JsonTreeText.Problem("item[0].text", Text.SURROGATE_MESSAGE),
                JsonTreeText.problem(json("{\"item\":[{\"text\":\"a\\ud800b\"}]}")));
        assertNull(JsonTreeText.problem(json("{\"item\":[{\"text\":\"a\\ud83d\\ude00b\"}]}")));
        assertEquals(new JsonTreeText.Problem("body", Text.SURROGATE_MESSAGE), JsonTreeText.problem(json("\"\\udc00\"")));
    }

    @Test
    void theFirstProblemInDocumentOrderIsNamed() throws Exception {
        assertEquals("a", JsonTreeText.problem(json("{\"a\":\"\\u0000\",\"b\":\"\\u0000\"}")).field());
    }
}
