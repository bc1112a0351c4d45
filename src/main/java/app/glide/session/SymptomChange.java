package app.glide.session;

public enum SymptomChange {
    CENTRALISING, PERIPHERALISING, UNCHANGED
}
