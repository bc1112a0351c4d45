package app.glide.auth;

import app.glide.config.GlideConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The RSA key pair for access tokens, read once at startup. A missing or unreadable key
 * stops the service from starting, with the reason in one line.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    @Inject
    GlideConfig config;

    private PrivateKey privateKey;

    @PostConstruct
    void load() {
        String privateLocation = config.jwt().privateKeyLocation();
        String publicLocation = config.jwt().publicKeyLocation();
        try {
            privateKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pem(privateLocation, "PRIVATE KEY")));
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pem(publicLocation, "PUBLIC KEY")));
            if (publicKey.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("the RSA key must have at least 2048 bits");
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            String reason = e instanceof NoSuchFileException ? "no such file " + e.getMessage() : e.getMessage();
            Logger.getLogger(SigningKeys.class).errorf(
                    "Cannot start: the JWT keys cannot be loaded (GLIDE_JWT_PRIVATE_KEY_LOCATION=%s,"
                            + " GLIDE_JWT_PUBLIC_KEY_LOCATION=%s): %s", privateLocation, publicLocation, reason);
            throw new IllegalStateException("Cannot load the JWT keys (glide.jwt.private-key-location="
                    + privateLocation + ", glide.jwt.public-key-location=" + publicLocation + "): " + reason, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    static byte[] pem(String location, String label) throws IOException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        String text = Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(path + " is not a PEM file with a " + label
                    + " block (use PKCS#8: openssl genpkey / openssl pkey -pubout)");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
