package app.glide.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The German translation of the shipped library (V22, docs/german-content.md) against the
 * migrated database: every shipped exercise and education card (clinic_id null), including
 * any added by a later migration, has a complete 'de' row with the same shape as the
 * English original, and none of its text is still the English.
 */
@QuarkusTest
class GermanContentTest {

    /** Shipped exercises without a complete German row. */
    private static final String EXERCISES_WITHOUT_GERMAN = """
            select e.slug from exercise e
            where e.clinic_id is null
              and not exists (select 1 from exercise_translation t
                              where t.exercise_id = e.id and t.locale = 'de'
                                and t.name is not null and t.summary is not null
                                and t.instructions is not null and t.cautions is not null)
            order by e.slug""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyShippedExerciseHasACompleteGermanRow() throws SQLException {
        assertEquals(List.of(), strings(EXERCISES_WITHOUT_GERMAN));
        assertTrue(count("select count(*) from exercise where clinic_id is null") >= 34,
                "the shipped library is there");
    }

    @Test
    void everyShippedCardHasACompleteGermanRow() throws SQLException {
        assertEquals(List.of(), strings("""
                select c.slug from education_card c
                where c.clinic_id is null
                  and not exists (select 1 from education_card_translation t
                                  where t.card_id = c.id and t.locale = 'de'
                                    and t.title is not null and t.body is not null)
                order by c.slug"""));
        assertTrue(count("select count(*) from education_card where clinic_id is null") >= 12,
                "the shipped cards are there");
    }

    @Test
    void germanExercisesHaveAsManyStepsAndCautionsAsTheEnglish() throws SQLException {
        assertEquals(List.of(), strings("""
                select e.slug || ': steps ' || jsonb_array_length(e.instructions) || '/' || jsonb_array_length(t.instructions)
                       || ', cautions ' || jsonb_array_length(e.cautions) || '/' || jsonb_array_length(t.cautions)
                from exercise e join exercise_translation t on t.exercise_id = e.id and t.locale = 'de'
                where e.clinic_id is null
                  and (jsonb_array_length(e.instructions) <> jsonb_array_length(t.instructions)
                       or jsonb_array_length(e.cautions) <> jsonb_array_length(t.cautions))
                order by 1"""));
    }

    @Test
    void noGermanExerciseTextIsStillTheEnglish() throws SQLException {
        assertEquals(List.of(), strings("""
                select e.slug || ': ' || x.what
                from exercise e join exercise_translation t on t.exercise_id = e.id and t.locale = 'de'
                cross join lateral (
                    select 'name' as what where t.name = e.name
                    union all select 'summary' where t.summary = e.summary
                    union all select 'step ' || en.i from jsonb_array_elements_text(e.instructions) with ordinality en(s, i)
                        join jsonb_array_elements_text(t.instructions) with ordinality de(s, i) on de.i = en.i and de.s = en.s
                    union all select 'caution ' || en.i from jsonb_array_elements_text(e.cautions) with ordinality en(s, i)
                        join jsonb_array_elements_text(t.cautions) with ordinality de(s, i) on de.i = en.i and de.s = en.s
                    union all select 'empty step or caution' where exists (
                        select 1 from jsonb_array_elements(t.instructions || t.cautions) j(v)
                        where jsonb_typeof(j.v) <> 'string' or btrim(j.v #>> '{}') = '')
                ) x
                where e.clinic_id is null
                order by 1"""));
    }

    @Test
    void germanCardsKeepTheMarkdownShapeOfTheEnglish() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select c.slug, c.title, c.body, t.title, t.body
                        from education_card c join education_card_translation t on t.card_id = c.id and t.locale = 'de'
                        where c.clinic_id is null order by c.slug""")) {
            int cards = 0;
            while (rs.next()) {
                cards++;
                String slug = rs.getString(1);
                String en = rs.getString(3);
                String de = rs.getString(5);
                if (rs.getString(2).equals(rs.getString(4))) {
                    problems.add(slug + ": title is the English");
                }
                if (en.equals(de)) {
                    problems.add(slug + ": body is the English");
                }
                compare(problems, slug, "headings", lines(en, "## "), lines(de, "## "));
                compare(problems, slug, "bullets", lines(en, "- "), lines(de, "- "));
                compare(problems, slug, "numbered steps", numbered(en), numbered(de));
                compare(problems, slug, "bullet lists", lists(en), lists(de));
                compare(problems, slug, "bold sentences", bold(en), bold(de));
                if (bold(de) > 1) {
                    problems.add(slug + ": more than one bold sentence");
                }
            }
            assertTrue(cards >= 12, "German cards found: " + cards);
        }
        assertEquals(List.of(), problems);
    }

    /** The queries above are not vacuous: a shipped exercise added without German is caught. */
    @Test
    void aShippedExerciseWithoutGermanIsCaught() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("""
                        insert into exercise (id, clinic_id, slug, name, category, chain, chain_step, summary,
                                              instructions, cautions, dosage_type, default_dosage, equipment,
                                              image_url, video_url, library_version)
                        select '0e000000-0000-4000-8000-00000000de01', null, 'untranslated-probe', name, category,
                               null, null, summary, instructions, cautions, dosage_type, default_dosage, equipment,
                               image_url, video_url, library_version
                        from exercise where id = 'e0000000-0000-4000-8000-000000000030'""");
                try (ResultSet rs = st.executeQuery(EXERCISES_WITHOUT_GERMAN)) {
                    List<String> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                    assertEquals(List.of("untranslated-probe"), found);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void compare(List<String> problems, String slug, String what, int en, int de) {
        if (en != de) {
            problems.add(slug + ": " + what + " " + en + " in English, " + de + " in German");
        }
    }

    private static int lines(String markdown, String prefix) {
        return (int) markdown.lines().filter(l -> l.startsWith(prefix)).count();
    }

    private static int numbered(String markdown) {
        return (int) markdown.lines().filter(l -> l.matches("\\d+\\. .*")).count();
    }

    /** Runs of consecutive "- " lines. */
    private static int lists(String markdown) {
        int lists = 0;
        boolean inList = false;
        for (String l : markdown.lines().toList()) {
            boolean bullet = l.startsWith("- ");
            if (bullet && !inList) {
                lists++;
            }
            inList = bullet;
        }
        return lists;
    }

    private static int bold(String markdown) {
        Matcher m = Pattern.compile("\\*\\*[^*]+\\*\\*").matcher(markdown);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
