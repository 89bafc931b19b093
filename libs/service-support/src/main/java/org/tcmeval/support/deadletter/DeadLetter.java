package org.tcmeval.support.deadletter;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A record a consumer could not apply for a permanent reason (see each service's {@code V*__dead_letter.sql}). */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {


    @Id
    public UUID id;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String topic;

    @Column(name = "record_partition", nullable = false)
    public int partition;

    @Column(name = "record_offset", nullable = false)
    public long offset;

    @Column(name = "record_key")
    public String key;

    public String payload;

    @Column(name = "error_class", nullable = false)
    public String errorClass;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "first_failed_at", nullable = false)
    public OffsetDateTime firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    public OffsetDateTime lastFailedAt;

    public int attempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeadLetterStatus status;

    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;

    @Column(name = "discarded_at")
    public OffsetDateTime discardedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;
}
