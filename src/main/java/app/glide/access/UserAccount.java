package app.glide.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Anyone who can hold a token: clinic admin, therapist or patient. */
@Entity
@Table(name = "app_user")
public class UserAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public UUID clinicId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    /** Staff only; unique case-insensitively. */
    public String email;

    /** Staff only; bcrypt. Never logged, never returned. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** The person's chosen language (BCP 47), or null (docs/languages.md). */
    @Column(name = "locale")
    public String locale;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static UserAccount newUser(UUID clinicId, Role role, String displayName, Instant now) {
        UserAccount u = new UserAccount();
        u.id = UUID.randomUUID();
        u.clinicId = clinicId;
        u.role = role;
        u.displayName = displayName;
        u.active = true;
        u.createdAt = now;
        u.updatedAt = u.createdAt;
        return u;
    }

    public static Optional<UserAccount> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static boolean emailInUse(String email) {
        return count("lower(email) = lower(?1)", email) > 0;
    }

    /** A therapist of this clinic, or empty (other clinics' therapists do not exist for the caller). */
    public static Optional<UserAccount> findTherapist(UUID clinicId, UUID therapistId) {
        return find("id = ?1 and clinicId = ?2 and role = ?3", therapistId, clinicId, Role.THERAPIST)
                .firstResultOptional();
    }
}
