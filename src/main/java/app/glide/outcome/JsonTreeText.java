package app.glide.outcome;

import app.glide.web.Text;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The API's text rule ({@link Text}: no NUL, no unpaired surrogate) over a whole JSON tree, for
 * bodies bound as a raw {@link JsonNode} (the typed bodies get it from {@code JsonSettings} while
 * they are read; a tree does not). Every string value and every field name, depth first in
 * document order; the first problem found, with its path in the form the other 400s name fields
 * ({@code item[0].answerOption[2].valueCoding.display}). Plain Java.
 */
final class JsonTreeText {

    /** The field (or the object holding a field name) and why its text cannot be stored. */
    record Problem(String field, String message) {
    }

    private record Visit(String path, JsonNode node) {
    }

    private JsonTreeText() {
    }

    /** Null when every string and field name in {@code root} may be stored. */
    static Problem problem(JsonNode root) {
        Deque<Visit> todo = new ArrayDeque<>();
        todo.push(new Visit("", root));
        while (!todo.isEmpty()) {
            Visit v = todo.pop();
            JsonNode n = v.node();
            if (n.isTextual()) {
                String message = Text.problem(n.textValue());
                if (message != null) {
                    return new Problem(v.path().isEmpty() ? "body" : v.path(), message);
                }
            } else if (n.isArray()) {
                for (int i = n.size() - 1; i >= 0; i--) {
                    todo.push(new Visit(v.path() + "[" + i + "]", n.get(i)));
                }
            } else if (n.isObject()) {
                Deque<Visit> fields = new ArrayDeque<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    String message = Text.problem(f.getKey());
                    if (message != null) {
                        return new Problem(v.path().isEmpty() ? "body" : v.path(), "a field name " + message);
                    }
                    fields.push(new Visit(v.path().isEmpty() ? f.getKey() : v.path() + "." + f.getKey(), f.getValue()));
                }
                fields.forEach(todo::push);
            }
        }
        return null;
    }
}
