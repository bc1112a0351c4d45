package app.glide.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The record a staff read owes: claimed once, by a check of the same patient, on the same thread. */
class PatientDataReadsTest {

    private final UUID patient = UUID.randomUUID();

    @AfterEach
    void clear() {
        PatientDataReads.end();
    }

    @Test
    void theFirstCheckOfTheReadPatientClaimsTheRecordOnce() {
        PatientDataReads.begin(patient, AccessedData.PLAN);
        assertEquals(AccessedData.PLAN, PatientDataReads.claim(patient));
        assertNull(PatientDataReads.claim(patient), "a second check of the same read writes no second record");
        assertTrue(PatientDataReads.end());
    }

    @Test
    void aCheckOfAnotherPatientClaimsNothing() {
        PatientDataReads.begin(patient, AccessedData.SESSIONS);
        assertNull(PatientDataReads.claim(UUID.randomUUID()));
        assertFalse(PatientDataReads.end(), "unclaimed: the interceptor writes the record itself");
    }

    @Test
    void aClaimGivenBackIsOwedAgain() {
        PatientDataReads.begin(patient, AccessedData.VISITS);
        assertEquals(AccessedData.VISITS, PatientDataReads.claim(patient));
        PatientDataReads.unclaim(patient);
        assertEquals(AccessedData.VISITS, PatientDataReads.claim(patient));
        PatientDataReads.unclaim(patient);
        assertFalse(PatientDataReads.end());
    }

    @Test
    void outsideARecordedReadNothingIsOwed() {
        assertNull(PatientDataReads.claim(patient));
        assertFalse(PatientDataReads.end());
    }

    @Test
    void anotherThreadSeesNothingOwed() throws Exception {
        PatientDataReads.begin(patient, AccessedData.PLAN);
        assertNull(CompletableFuture.supplyAsync(() -> PatientDataReads.claim(patient)).get());
        assertEquals(AccessedData.PLAN, PatientDataReads.claim(patient));
    }

    @Test
    void endForgetsTheRead() {
        PatientDataReads.begin(patient, AccessedData.PLAN);
        PatientDataReads.end();
        assertNull(PatientDataReads.claim(patient));
    }
}
