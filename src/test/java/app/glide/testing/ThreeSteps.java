package app.glide.testing;

import app.glide.exercise.Chain;
import java.util.Optional;
import java.util.UUID;

/** A progression chain of three exercises for unit tests: step 1 → step 2 → step 3. */
public final class ThreeSteps {

    public static final UUID STEP1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    public static final UUID STEP2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    public static final UUID STEP3 = UUID.fromString("00000000-0000-0000-0000-000000000003");

    public static final Chain CHAIN = new Chain() {
        @Override
        public Optional<UUID> harder(UUID id) {
            return id.equals(STEP1) ? Optional.of(STEP2) : id.equals(STEP2) ? Optional.of(STEP3) : Optional.empty();
        }

        @Override
        public Optional<UUID> easier(UUID id) {
            return id.equals(STEP3) ? Optional.of(STEP2) : id.equals(STEP2) ? Optional.of(STEP1) : Optional.empty();
        }
    };

    private ThreeSteps() {
    }
}
