package app.glide.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String EMAIL = "Ada.Lovelace@clinic.example";

    private static String problem(String password) {
        return PasswordPolicy.problem(password, EMAIL).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "correct horse battery staple", "Glide-therapist-2024!", "zqx7 mountain ledger", "ÄÖÜ straße geht gut",
        "hospital pelvis tilt 9", "12 chars ok here",
    })
    void goodPasswordsPass(String password) {
        assertEquals(null, problem(password), password);
    }

    @Test
    void tooShortCountsCharactersNotBytes() {
        assertTrue(problem("elevenchars").contains("at least 12"));
        // 12 characters, 24 bytes: long enough.
        assertEquals(null, problem("äöüßbcdefghx"));
    }

    @Test
    void moreThan72BytesIsRefusedBecauseBcryptWouldIgnoreTheRest() {
        assertEquals(null, problem("correct horse battery staple ".repeat(2) + "x".repeat(14)));
        String seventyThree = "correct horse battery staple, correct horse battery staple; and more..." + "x".repeat(2);
        assertEquals(73, seventyThree.length());
        assertTrue(problem(seventyThree).contains("72 bytes"));
        // 40 characters but 80 bytes.
        assertTrue(problem("ä".repeat(20) + "ö".repeat(20)).contains("72 bytes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct\u0000horse battery", "correct horse\nbattery", "correct\thorse battery", "correct horse\u007fbattery"})
    void controlCharactersAreRefused(String password) {
        assertTrue(problem(password).contains("control characters"), password);
    }

    @Test
    void brokenUnicodeIsRefused() {
        assertTrue(problem("correct horse \uD83D battery").contains("not valid text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "abababababab", "111111111111", "aabbccddaabb"})
    void tooFewDifferentCharactersAreRefused(String password) {
        assertTrue(problem(password).contains("different characters"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "987654321098", "qwertyuiopas", "zyxwvutsrqpo",
        "1qaz2wsx3edc", "poiuytrewqpo"})
    void runsAreRefused(String password) {
        assertTrue(problem(password).contains("sequence"), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "!!monkey2024", "iloveyou12345", "football1234", "qwerty123456789",
        "baseball2020!"})
    void commonPasswordsAndThemWithDigitsAroundAreRefused(String password) {
        assertTrue(problem(password).contains("too common"), password);
    }

    @Test
    void theListIsShippedAndLarge() {
        assertTrue(PasswordPolicy.commonCount() > 10_000, "entries: " + PasswordPolicy.commonCount());
        assertTrue(PasswordPolicy.isCommon("password"));
        assertTrue(PasswordPolicy.isCommon("trustno1"));
    }

    @Test
    void theEmailAndItsNamePartAreRefused() {
        assertTrue(problem("ada.lovelace@clinic.example").contains("email address"));
        assertTrue(problem("ada.lovelace2024!").contains("name part"));
        assertTrue(problem("my ada.lovelace pass").contains("name part"));
        // With the name part, a passphrase that is long enough without it is fine.
        assertEquals(Optional.empty(), PasswordPolicy.problem("bench-admin-password", "admin@bench.glide.example"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("my name is ada.lovelace!", EMAIL));
        // Short name parts are not checked (they would refuse too much).
        assertEquals(Optional.empty(), PasswordPolicy.problem("bob is a good password", "bob@clinic.example"));
    }

    @Test
    void emptyIsRefused() {
        assertEquals("Enter a password.", problem(""));
        assertEquals("Enter a password.", problem(null));
    }
}
