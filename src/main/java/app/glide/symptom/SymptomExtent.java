package app.glide.symptom;

/** How far down the leg symptoms reach, from the spine outwards. Order matters. */
public enum SymptomExtent {
    BACK_ONLY, BUTTOCK, THIGH, BELOW_KNEE, FOOT;

    /** Against the previous session: further down the leg is peripheralising (a warning sign). */
    public SymptomChange comparedWith(SymptomExtent previous) {
        if (previous == null) {
            return null;
        }
        int d = Integer.compare(ordinal(), previous.ordinal());
        return d > 0 ? SymptomChange.PERIPHERALISING : d < 0 ? SymptomChange.CENTRALISING : SymptomChange.UNCHANGED;
    }
}
