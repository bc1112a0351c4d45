package app.glide.exercise;

import java.util.Optional;
import java.util.UUID;

/** Neighbours of an exercise in its progression chain, as visible to one clinic. */
public interface Chain {

    Optional<UUID> harder(UUID exerciseId);

    Optional<UUID> easier(UUID exerciseId);

    /** The harder step, only if it is dosed with {@code field} too (a progression can carry on there). */
    default Optional<UUID> harderWith(UUID exerciseId, DosageField field) {
        return harder(exerciseId);
    }

    Chain NONE = new Chain() {
        @Override
        public Optional<UUID> harder(UUID exerciseId) {
            return Optional.empty();
        }

        @Override
        public Optional<UUID> easier(UUID exerciseId) {
            return Optional.empty();
        }
    };
}
