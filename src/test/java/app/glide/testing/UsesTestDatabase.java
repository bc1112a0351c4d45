package app.glide.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} for every @QuarkusTest of the run. */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public final class UsesTestDatabase {
    private UsesTestDatabase() {
    }
}
