package app.glide.symptom;

public enum SymptomChange {
    CENTRALISING, PERIPHERALISING, UNCHANGED
}
