package app.glide.message;

import app.glide.db.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code red_flag_phrase} table as a matcher, read once per process (reference data: a
 * change to the table, which only a migration makes, takes effect at the next start).
 */
@ApplicationScoped
public class RedFlagPhraseList {

    @Inject
    Sql sql;

    private volatile RedFlagPhrases phrases;

    public RedFlagPhrases phrases() {
        RedFlagPhrases p = phrases;
        if (p == null) {
            p = new RedFlagPhrases(sql.list("select language, phrase, symptom from red_flag_phrase order by language, phrase",
                    rs -> new RedFlagPhrases.Phrase(rs.getString(1), rs.getString(2), rs.getString(3))));
            phrases = p;
        }
        return p;
    }
}
