package org.tcmeval.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One revision in an institution's history (变更记录): who changed which fields from what to what. */
@Entity
@Table(name = "institution_change")
public class InstitutionChange {

    /** Why a revision exists. */
    public enum Action { CREATED, UPDATED, CLOSED, REOPENED }

    /** Which door the change came through. */
    public enum Source { API, IMPORT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "institution_id", nullable = false)
    public UUID institutionId;

    public long revision;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String source;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    /** JSON array of {@code {"field", "old", "new"}}. */
    @Column(nullable = false)
    public String changes;

    /** Closing and reopening are named, so the history reads like the register's own log. */
    public static Action actionFor(java.util.List<FieldChange> changes, boolean created) {
        if (created) {
            return Action.CREATED;
        }
        for (FieldChange c : changes) {
            if (c.field().equals("closedOn")) {
                if (c.oldValue() == null) {
                    return Action.CLOSED;
                }
                if (c.newValue() == null) {
                    return Action.REOPENED;
                }
            }
        }
        return Action.UPDATED;
    }
}
