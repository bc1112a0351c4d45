package app.glide.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Push texts in the patient's language: every kind in every shipped language, never a health detail (plain Java). */
class PushLanguageTest {

    @Test
    void everyKindHasAGermanTitleAndBodyAndEnglishIsTheOriginal() {
        for (PushKind kind : PushKind.values()) {
            assertEquals(kind.title, kind.title("en"), kind.name());
            assertEquals(kind.body, kind.body("en"), kind.name());
            assertNotEquals(kind.title, kind.title("de"), kind.name());
            assertFalse(kind.body("de").isBlank(), kind.name());
            assertEquals(kind.title, kind.title("fr"), "a language we do not ship gets English");
        }
    }

    @Test
    void theMessageUsesTheClaimedRowsLanguage() {
        PushDispatcher.Claimed c = new PushDispatcher.Claimed(UUID.randomUUID(), UUID.randomUUID(), PushKind.MESSAGE,
                UUID.randomUUID().toString(), false, 0, "de");
        PushSender.PushMessage m = PushDispatcher.message(c);
        assertEquals("Sie haben eine neue Nachricht", m.title());
        assertEquals(PushKind.MESSAGE.body("de"), m.body());
    }
}
