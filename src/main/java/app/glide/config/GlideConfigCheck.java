package app.glide.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Refuses the start when a numeric {@link GlideConfig} setting is out of range ({@link ConfigRanges}). */
@ApplicationScoped
class GlideConfigCheck {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, GlideConfig glide) {
        ranges(glide).require();
    }

    static ConfigRanges ranges(GlideConfig glide) {
        return new ConfigRanges()
                .atLeast("glide.export.max-bytes", glide.export().maxBytes(), 1024)
                .atLeast("glide.export.max-attempts", glide.export().maxAttempts(), 1)
                .atLeast("glide.audit.seal-batch", glide.audit().sealBatch(), 1)
                .atLeast("glide.media.max-image-bytes", glide.media().maxImageBytes(), 1)
                .atLeast("glide.media.max-video-bytes", glide.media().maxVideoBytes(), 1)
                .atLeast("glide.media.cleanup-batch", glide.media().cleanupBatch(), 1);
    }
}
