package app.glide.web;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Test-only endpoint (src/test) that commits the bug class the {@link RollbackGuard} is
 * for: a refusal thrown through a {@code @Transactional} proxy is caught by the caller,
 * which carries on and answers 201 while the transaction rolls back.
 */
@Path("/test-only/silent-rollback")
public class SilentRollbackResource {

    @Inject
    Outer outer;

    @POST
    @PermitAll
    public Response write(@QueryParam("refuse") boolean refuse) {
        outer.write(refuse);
        return Response.status(201).header("ETag", "\"would-be-a-lie\"").build();
    }

    @ApplicationScoped
    @Transactional
    public static class Outer {
        @Inject
        Inner inner;

        public void write(boolean refuse) {
            if (refuse) {
                try {
                    inner.refuse();
                } catch (IllegalStateException caught) {
                    // carries on, as the flare-up report once did
                }
            }
        }
    }

    @ApplicationScoped
    @Transactional
    public static class Inner {
        public void refuse() {
            throw new IllegalStateException("refused");
        }
    }
}
