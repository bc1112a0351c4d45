package app.glide.push.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A Google service account key (the JSON file the Firebase console downloads) and the RS256
 * JWT it signs for the OAuth 2.0 JWT-bearer grant (RFC 7523), as Google's token endpoint wants it.
 */
record ServiceAccount(String clientEmail, PrivateKey privateKey, URI tokenUri) {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    static ServiceAccount parse(String json, Optional<URI> tokenUriOverride, ObjectMapper mapper)
            throws IOException, GeneralSecurityException {
        JsonNode key = mapper.readTree(json);
        String email = text(key, "client_email");
        String pem = text(key, "private_key");
        URI tokenUri = tokenUriOverride.orElseGet(() -> URI.create(key.path("token_uri")
                .asText("https://oauth2.googleapis.com/token")));
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        return new ServiceAccount(email, privateKey, tokenUri);
    }

    /** The signed assertion: issuer the account, audience the token endpoint, one hour. */
    String assertion(Instant now, ObjectMapper mapper) throws IOException, GeneralSecurityException {
        String header = mapper.writeValueAsString(java.util.Map.of("alg", "RS256", "typ", "JWT"));
        var claims = new java.util.LinkedHashMap<String, Object>();
        claims.put("iss", clientEmail);
        claims.put("scope", SCOPE);
        claims.put("aud", tokenUri.toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(ASSERTION_LIFETIME).getEpochSecond());
        String signingInput = URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(mapper.writeValueAsBytes(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(privateKey);
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(rs256.sign());
    }

    private static String text(JsonNode key, String field) throws IOException {
        String value = key.path(field).asText("");
        if (value.isBlank()) {
            throw new IOException("service account key has no " + field);
        }
        return value;
    }
}
