package app.glide.auth;

import app.glide.access.Caller;
import app.glide.me.MeService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import app.glide.access.Role;

@Path("/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    MeService me;

    @Inject
    Caller caller;

    @POST
    @Path("/login")
    @PermitAll
    public AuthDtos.TokenResponse login(@Valid @NotNull AuthDtos.LoginRequest request, @Context HttpServerRequest http) {
        AuthService.Authenticated a = auth.login(request.email(), request.password(), clientAddress(http));
        return AuthDtos.TokenResponse.of(a.tokens(), me.view(a.user()));
    }

    @POST
    @Path("/enrol")
    @PermitAll
    public AuthDtos.TokenResponse enrol(@Valid @NotNull AuthDtos.EnrolRequest request, @Context HttpServerRequest http) {
        AuthService.Authenticated a = auth.enrol(request.code(), request.deviceName(), clientAddress(http));
        return AuthDtos.TokenResponse.of(a.tokens(), me.view(a.user()));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    public AuthDtos.TokenResponse refresh(@Valid @NotNull AuthDtos.RefreshRequest request) {
        AuthService.Authenticated a = auth.refresh(request.refreshToken());
        return AuthDtos.TokenResponse.of(a.tokens(), me.view(a.user()));
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME, Role.PATIENT_NAME})
    public void logout(@Valid @NotNull AuthDtos.RefreshRequest request) {
        auth.logout(request.refreshToken(), caller.userId());
    }

    @POST
    @Path("/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.THERAPIST_NAME})
    public void changePassword(@Valid @NotNull AuthDtos.ChangePasswordRequest request, @Context HttpServerRequest http) {
        auth.changePassword(caller.userId(), request.currentPassword(), request.newPassword(), clientAddress(http));
    }

    @POST
    @Path("/password-reset")
    @PermitAll
    public void resetPassword(@Valid @NotNull AuthDtos.ResetPasswordRequest request) {
        auth.resetPassword(request.token(), request.newPassword());
    }

    /**
     * The client's address. Behind a proxy, quarkus.http.proxy.* makes this the address the
     * proxy reports, but only for connections from quarkus.http.proxy.trusted-proxies
     * (see {@link TrustedProxies}).
     */
    static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
