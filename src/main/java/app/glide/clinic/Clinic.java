package app.glide.clinic;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A clinic: the tenant. Every user and patient belongs to exactly one. */
@Entity
@Table(name = "clinic")
public class Clinic extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Clinic create(String name, Instant now) {
        Clinic c = new Clinic();
        c.id = UUID.randomUUID();
        c.name = name;
        c.createdAt = now;
        c.persist();
        return c;
    }
}
