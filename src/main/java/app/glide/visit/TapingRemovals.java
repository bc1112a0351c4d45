package app.glide.visit;

/**
 * When the patient's tapes come off: {@link #COLUMN} is a scalar subquery another feature's
 * statement selects (the reminder schedule), over the current interventions of the patient's
 * visits ({@code visit_intervention}, rewritten with each amendment, as for {@link CareForToday}).
 */
public final class TapingRemovals {

    /**
     * {@code [[visitId, wearUntil], …]} as JSON text (null when none) of the tapes of the patient
     * {@code pl.patient_id} to be taken off in {@code [?, ?)}; the first parameter is the earliest
     * {@code given_at} that can matter (a tape is worn at most {@link VisitRules#MAX_TAPE_WEAR}), so
     * the probe is a range of the index visit_intervention_patient_given. Three parameters: that
     * time, then the range's start and end.
     */
    public static final String COLUMN = """
            (select json_agg(json_build_array(i.visit_id, i.wear_until) order by i.wear_until, i.visit_id)::text
             from visit_intervention i
             where i.patient_id = pl.patient_id and i.kind = 'KINESIOLOGY_TAPING'
               and i.given_at >= ? and i.wear_until >= ? and i.wear_until < ?)
            """;

    private TapingRemovals() {
    }
}
