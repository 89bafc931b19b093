package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A county's reopening (补报许可) of a closed window for one reporter and period. */
@Entity
@Table(name = "window_reopening")
public class WindowReopening {

    @EmbeddedId
    public Key key;

    /** Last day (inclusive) on which the reporter may still submit. */
    @Column(name = "until_on", nullable = false)
    public LocalDate untilOn;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public OffsetDateTime grantedAt;

    @Embeddable
    public record Key(@Column(name = "reporter_id") String reporterId, @Column(name = "period") String period)
            implements Serializable {
    }
}
