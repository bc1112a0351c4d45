package app.glide.exercise;

import app.glide.db.LibraryRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the exercise library: shipped (clinicId null) or a clinic's own. Never updated
 * after insert. JSON columns are kept as text here and read by {@link ExerciseCatalog}.
 */
@Entity
@Table(name = "exercise")
public class Exercise extends LibraryRow {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    public String chain;

    @Column(name = "chain_step")
    public Integer chainStep;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String instructions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String cautions;

    @Enumerated(EnumType.STRING)
    @Column(name = "dosage_type", nullable = false)
    public DosageType dosageType;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "default_dosage", nullable = false)
    public String defaultDosage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String equipment;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "video_url")
    public String videoUrl;

    @Column(name = "library_version", nullable = false)
    public int libraryVersion;

    @Column(name = "created_by")
    public UUID createdBy;

    /**
     * The language the row's own text is written in: null for what Glide ships (English), the
     * clinic's default locale at creation for a clinic's own (V25).
     */
    @Column(name = "original_locale")
    public String originalLocale;
}
