package app.glide.auth;

import app.glide.me.MeView;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of /v1/auth (see openapi.yaml). */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record LoginRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String password) {
    }

    public record EnrolRequest(
            @NotBlank @Size(max = 32) String code,
            @Size(max = 100) String deviceName) {
    }

    public record ChangePasswordRequest(
            @NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {
    }

    public record ResetPasswordRequest(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(max = 200) String newPassword) {
    }

    public record PasswordResetTokenResponse(String token, Instant expiresAt) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn, MeView user) {

        static TokenResponse of(TokenPair pair, MeView user) {
            return new TokenResponse(pair.accessToken(), "Bearer", pair.expiresIn(), pair.refreshToken(),
                    pair.refreshExpiresIn(), user);
        }
    }
}
