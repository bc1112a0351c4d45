package app.glide.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a rotating family. Only the SHA-256 of the token is stored. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "device_name")
    public String deviceName;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "rotated_at")
    public Instant rotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;

    public static long revokeFamily(UUID familyId, String reason, Instant now) {
        return update("revokedAt = ?1, revokeReason = ?2 where familyId = ?3 and revokedAt is null",
                now, reason, familyId);
    }

    public static long revokeAllOfUser(UUID userId, String reason, Instant now) {
        return update("revokedAt = ?1, revokeReason = ?2 where userId = ?3 and revokedAt is null",
                now, reason, userId);
    }
}
