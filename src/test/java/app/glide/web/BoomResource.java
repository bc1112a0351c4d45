package app.glide.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint (src/test) that fails unexpectedly, to check what a 500 reveals. */
@Path("/test-only/boom")
public class BoomResource {

    @GET
    @PermitAll
    public String boom() {
        throw new IllegalStateException("secret internal detail at com.example.Internal.method(Internal.java:42)");
    }
}
