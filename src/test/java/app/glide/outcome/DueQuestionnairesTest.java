package app.glide.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.glide.outcome.DueQuestionnaires.Due;
import app.glide.outcome.DueQuestionnaires.ScheduleState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a scheduled instrument is due, by patient-local dates. Plain Java. */
class DueQuestionnairesTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    static ScheduleState odi(boolean atEvaluation, Integer everyDays, boolean atDischarge, LocalDate dischargeOn,
                             LocalDate lastAnswered) {
        return new ScheduleState(Oswestry.ID, atEvaluation, everyDays, atDischarge, START, dischargeOn, lastAnswered);
    }

    @Test
    void atEvaluationIsDueFromTheStartUntilTheFirstResponse() {
        assertEquals(Optional.of(START), DueQuestionnaires.dueSince(odi(true, null, false, null, null), START));
        assertEquals(Optional.of(START), DueQuestionnaires.dueSince(odi(true, null, false, null, null), START.plusDays(9)));
        assertEquals(Optional.empty(), DueQuestionnaires.dueSince(odi(true, null, false, null, START), START.plusDays(9)));
        assertEquals(Optional.empty(), DueQuestionnaires.dueSince(odi(true, null, false, null, null), START.minusDays(1)),
                "not before the start");
    }

    @Test
    void everyNDaysCountsFromTheLatestResponse() {
        ScheduleState s = odi(true, 14, false, null, START.plusDays(3));
        assertEquals(Optional.empty(), DueQuestionnaires.dueSince(s, START.plusDays(16)), "day 13 after the response");
        assertEquals(Optional.of(START.plusDays(17)), DueQuestionnaires.dueSince(s, START.plusDays(17)), "day 14");
        assertEquals(Optional.of(START.plusDays(17)), DueQuestionnaires.dueSince(s, START.plusDays(40)),
                "stays due since day 14 until answered");
    }

    @Test
    void everyNDaysWithoutAnEvaluationAnswerCountsFromTheStart() {
        ScheduleState s = odi(false, 7, false, null, null);
        assertEquals(Optional.empty(), DueQuestionnaires.dueSince(s, START.plusDays(6)));
        assertEquals(Optional.of(START.plusDays(7)), DueQuestionnaires.dueSince(s, START.plusDays(7)));
    }

    @Test
    void atDischargeIsDueFromTheDischargeUntilAnsweredOnOrAfterIt() {
        LocalDate discharge = START.plusDays(42);
        assertEquals(Optional.empty(), DueQuestionnaires.dueSince(odi(false, null, true, null, START), discharge),
                "no discharge signalled yet");
        assertEquals(Optional.of(discharge),
                DueQuestionnaires.dueSince(odi(false, null, true, discharge, START.plusDays(20)), discharge));
        assertEquals(Optional.empty(),
                DueQuestionnaires.dueSince(odi(false, null, true, discharge, discharge), discharge.plusDays(1)),
                "answered on the discharge day");
        assertEquals(Optional.empty(),
                DueQuestionnaires.dueSince(odi(false, null, true, discharge.plusDays(5), null), discharge),
                "a discharge signalled for a later date is not due yet");
    }

    @Test
    void theEarliestReasonWins() {
        // Every 7 days after a response on day 3 (due day 10) and a discharge on day 12: due since day 10.
        ScheduleState s = odi(true, 7, true, START.plusDays(12), START.plusDays(3));
        assertEquals(Optional.of(START.plusDays(10)), DueQuestionnaires.dueSince(s, START.plusDays(12)));
    }

    @Test
    void theDueSetIsOldestFirstAndItsFingerprintFollowsIt() {
        ScheduleState nprs = new ScheduleState(Nprs.ID, true, null, false, START.plusDays(1), null, null);
        ScheduleState odi = odi(true, null, false, null, null);
        ScheduleState answered = new ScheduleState(RolandMorris.ID, true, null, false, START, null, START);
        List<Due> due = DueQuestionnaires.due(List.of(nprs, answered, odi), START.plusDays(2));
        assertEquals(List.of(new Due(Oswestry.ID, START), new Due(Nprs.ID, START.plusDays(1))), due);
        assertNull(DueQuestionnaires.fingerprint(List.of()));
        assertEquals(DueQuestionnaires.fingerprint(due), DueQuestionnaires.fingerprint(List.copyOf(due)));
        assertNotEquals(DueQuestionnaires.fingerprint(due), DueQuestionnaires.fingerprint(due.subList(0, 1)));
        assertEquals(8, DueQuestionnaires.fingerprint(due).length());
    }
}
