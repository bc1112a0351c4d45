package app.glide.auth;

/** What login, enrolment and refresh hand back. */
public record TokenPair(String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn) {
}
