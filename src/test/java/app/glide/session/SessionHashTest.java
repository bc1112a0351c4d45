package app.glide.session;

import static app.glide.session.SessionTestData.done;
import static app.glide.session.SessionTestData.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.glide.db.ContentHash;
import app.glide.session.SessionDtos.SessionRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionHashTest {

    static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");

    @Test
    void theCanonicalBodyHasAFixedOrderAndTimesAsInstantAndOffset() {
        var canonical = SessionHash.canonical(request("2026-11-20T08:00+01:00", "2026-11-20T08:30+01:00", List.of(done(A))));
        assertEquals(List.of("planId", "planRevision", "startedAt", "endedAt", "pain", "symptomExtent", "items", "note"),
                List.copyOf(canonical.keySet()));
        assertEquals("2026-11-20T07:00:00Z@+01:00", canonical.get("startedAt"));
        assertEquals("2026-11-20T07:30:00Z@+01:00", canonical.get("endedAt"));
        assertEquals(List.of(4, 6, 3, 5), canonical.get("pain"));
    }

    @Test
    void theSameTimeWrittenDifferentlyIsTheSameSession() {
        assertEquals(
                SessionHash.canonical(request("2026-11-20T08:00+01:00", "2026-11-20T08:30+01:00", List.of(done(A)))),
                SessionHash.canonical(request("2026-11-20T08:00:00.000+01:00", "2026-11-20T08:30:00.000000+01:00",
                        List.of(done(A)))));
    }

    @Test
    void theSameInstantAtAnotherOffsetIsAnotherSession() {
        // the offset decides the local date the session counts for
        assertNotEquals(
                SessionHash.canonical(request("2026-11-20T08:00+01:00", "2026-11-20T08:30+01:00", List.of(done(A)))),
                SessionHash.canonical(request("2026-11-20T07:00Z", "2026-11-20T07:30Z", List.of(done(A)))));
    }

    @Test
    void everyFieldOfTheBodyCounts() {
        SessionRequest r = request("2026-11-20T08:00+01:00", "2026-11-20T08:30+01:00", List.of(done(A)));
        SessionRequest otherNote = new SessionRequest(r.planId(), r.planRevision(), r.startedAt(), r.endedAt(),
                r.painBefore(), r.painPeak(), r.painAfter(), r.difficulty(), r.symptomExtent(), r.items(), "other");
        SessionRequest otherPain = new SessionRequest(r.planId(), r.planRevision(), r.startedAt(), r.endedAt(),
                r.painBefore(), 7, r.painAfter(), r.difficulty(), r.symptomExtent(), r.items(), r.note());
        assertNotEquals(SessionHash.canonical(r), SessionHash.canonical(otherNote));
        assertNotEquals(SessionHash.canonical(r), SessionHash.canonical(otherPain));
    }

    @Test
    void theHashIsSha256OfTheUtf8Json() {
        // FIPS 180-2 test vector: stored hashes stay comparable with every earlier one
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(ContentHash.sha256("abc")));
        assertArrayEquals(ContentHash.sha256("{\"note\":\"Schmerz ü\"}"), ContentHash.sha256("{\"note\":\"Schmerz \u00fc\"}"));
        assertNotEquals(HexFormat.of().formatHex(ContentHash.sha256("{}")), HexFormat.of().formatHex(ContentHash.sha256("{ }")));
    }
}
