package app.glide.testing;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/** Mints access tokens for the failure modes: expired, wrong issuer, foreign key, tampered. */
public final class TestTokens {

    public static final String ISSUER = "https://glide.example/api";

    private TestTokens() {
    }

    public static String signed(String issuer, Instant expiresAt, PrivateKey key, UUID userId, String role, UUID clinicId) {
        return Jwt.issuer(issuer).subject(userId.toString()).groups(Set.of(role))
                .claim("role", role).claim("clinic_id", clinicId.toString())
                .issuedAt(expiresAt.minusSeconds(900)).expiresAt(expiresAt)
                .jws().keyId("glide-access").sign(key);
    }

    public static PrivateKey devKey() {
        try {
            String pem = Files.readString(Path.of("config/dev-keys/private.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey foreignKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same token with one character of the payload changed: the signature no longer matches. */
    public static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String changed = payload.replace("\"THERAPIST\"", "\"ADMIN\"").replace("\"PATIENT\"", "\"ADMIN\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes()) + "." + parts[2];
    }
}
