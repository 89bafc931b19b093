package org.tcmeval.support.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The first answer to a request that carried an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public int status;

    public String location;

    /** The first answer's ETag header, replayed with it. */
    public String etag;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Keys are scoped per caller and operation so two clients cannot collide. */
    @Embeddable
    public record Key(@Column(name = "scope") String scope, @Column(name = "idem_key") String idemKey)
            implements Serializable {
    }
}
