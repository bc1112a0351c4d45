package app.glide.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns every library table shares (exercises, education cards, plan templates): a row
 * is shipped with Glide ({@code clinicId} null) or a clinic's own, found by its slug, and
 * never changed after insert.
 */
@MappedSuperclass
public abstract class LibraryRow extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null for what Glide ships. */
    @Column(name = "clinic_id")
    public UUID clinicId;

    @Column(nullable = false)
    public String slug;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The language of the row's own text (English for shipped rows and when unknown). */
    public static String originalLanguage(UUID clinicId, String originalLocale) {
        return clinicId == null || originalLocale == null ? "en" : originalLocale;
    }
}
