package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the code can answer is documented in openapi.yaml (the Problem
 * schema's {@code x-problem-types}, with its status, and the table in its {@code type}
 * description), and nothing documented is gone from the code. Reads the main sources as
 * text: a new slug, or a new way of passing one, fails here until it is documented.
 */
class ProblemTypesDocumentedTest {

    private static final String BASE = ApiProblem.TYPE_BASE;
    private static final Pattern SLUG = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    /** {@code new ApiProblem(<status>, "<slug>"}: status a number, or an expression (then unchecked). */
    private static final Pattern CONSTRUCTOR = Pattern.compile("new ApiProblem\\(\\s*([^,()]+),\\s*(\"[^\"]*\"|[A-Za-z_]\\w*)");
    /** The factories with a slug argument, and the status each gives. */
    private static final Pattern FACTORY = Pattern.compile(
            "ApiProblem\\.(conflict|unprocessable|badRequest|unauthorized)\\(\\s*(\"[^\"]*\"|[A-Za-z_]\\w*)");
    private static final Map<String, Integer> FACTORY_STATUS = Map.of("conflict", 409, "unprocessable", 422,
            "badRequest", 400, "unauthorized", 401);
    /** A slug chosen at run time: {@code String slug = cond ? "a" : "b";}. */
    private static final Pattern SLUG_VARIABLE = Pattern.compile("String slug\\s*=([^;]+);");

    static Map<String, Set<Integer>> inCode = new TreeMap<>();
    static JsonNode problem;

    @BeforeAll
    static void read() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        List<String> unknownIndirections = new ArrayList<>();
        for (Path file : sources) {
            String text = Files.readString(file);
            boolean helpers = file.endsWith(Path.of("app/glide/web/ApiProblem.java"));
            Matcher c = CONSTRUCTOR.matcher(text);
            while (c.find()) {
                Integer status = c.group(1).strip().matches("\\d{3}") ? Integer.valueOf(c.group(1).strip()) : null;
                slugArgument(c.group(2), status, file, helpers, text, unknownIndirections);
            }
            Matcher f = FACTORY.matcher(text);
            while (f.find()) {
                slugArgument(f.group(2), FACTORY_STATUS.get(f.group(1)), file, helpers, text, unknownIndirections);
            }
        }
        assertEquals(List.of(), unknownIndirections,
                "problem slugs passed in a way this test cannot read: pass a literal, or extend the test");
        problem = new YAMLMapper().readTree(Path.of("openapi.yaml").toFile()).at("/components/schemas/Problem");
    }

    private static void slugArgument(String argument, Integer status, Path file, boolean helpers, String text,
                                     List<String> unknown) {
        if (argument.startsWith("\"")) {
            add(argument.substring(1, argument.length() - 1), status);
        } else if (argument.equals("slug") && helpers) {
            // the factories themselves: their callers are read above
        } else if (argument.equals("slug")) {
            Matcher v = SLUG_VARIABLE.matcher(text);
            boolean found = false;
            while (v.find()) {
                Matcher literal = SLUG.matcher(v.group(1));
                while (literal.find()) {
                    add(literal.group(1), status);
                    found = true;
                }
            }
            if (!found) {
                unknown.add(file + ": slug variable without literals");
            }
        } else {
            unknown.add(file + ": " + argument);
        }
    }

    private static void add(String slug, Integer status) {
        Set<Integer> statuses = inCode.computeIfAbsent(slug, k -> new TreeSet<>());
        if (status != null) {
            statuses.add(status);
        }
    }

    private static Map<String, Set<Integer>> documented() {
        Map<String, Set<Integer>> documented = new TreeMap<>();
        for (JsonNode t : problem.path("x-problem-types")) {
            String type = t.path("type").asText();
            assertTrue(type.startsWith(BASE), type);
            Set<Integer> statuses = new TreeSet<>();
            t.path("status").forEach(s -> statuses.add(s.asInt()));
            assertTrue(!t.path("meaning").asText().isBlank(), type + " has no meaning");
            documented.put(type.substring(BASE.length()), statuses);
        }
        return documented;
    }

    @Test
    void theSourcesAreReadAtAll() {
        assertTrue(inCode.keySet().containsAll(List.of("validation", "not-found", "internal", "unauthorized",
                "too-many-attempts", "method-not-allowed", "unknown-education-card", "session-conflict")), inCode.toString());
        assertTrue(inCode.size() >= 50, inCode.size() + " slugs found");
    }

    @Test
    void everyProblemTypeInTheCodeIsDocumentedWithItsStatus() {
        Map<String, Set<Integer>> documented = documented();
        List<String> missing = new ArrayList<>();
        for (var e : inCode.entrySet()) {
            Set<Integer> doc = documented.get(e.getKey());
            if (doc == null) {
                missing.add(e.getKey() + " " + e.getValue() + " is not in x-problem-types");
            } else if (!doc.containsAll(e.getValue())) {
                missing.add(e.getKey() + " answers " + e.getValue() + " but is documented as " + doc);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void nothingDocumentedIsGoneFromTheCode() {
        Set<String> stale = new TreeSet<>(documented().keySet());
        stale.removeAll(inCode.keySet());
        assertEquals(Set.of(), stale, "documented problem types the code no longer answers");
    }

    @Test
    void theTableAndTheExamplesAgreeWithTheList() throws IOException {
        String table = problem.at("/properties/type/description").asText();
        Set<String> documented = documented().keySet();
        for (String slug : documented) {
            assertTrue(table.contains("| `" + slug + "` |"), slug + " missing from the Problem.type table");
        }
        Matcher m = Pattern.compile(Pattern.quote(BASE) + "([a-z0-9-]+)").matcher(Files.readString(Path.of("openapi.yaml")));
        while (m.find()) {
            if (!m.group(1).isEmpty()) {
                assertTrue(documented.contains(m.group(1)), "openapi.yaml uses an undocumented type: " + m.group(1));
            }
        }
    }
}
