package app.glide.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link S3ProxyResource} for every @QuarkusTest of the run (media needs a store; nothing else uses it). */
@QuarkusTestResource(value = S3ProxyResource.class, restrictToAnnotatedClass = false)
public final class UsesTestS3 {
    private UsesTestS3() {
    }
}
