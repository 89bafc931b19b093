package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A province's reporting window (填报时间窗) for one period, as its admin set it. */
@Entity
@Table(name = "reporting_window")
public class ReportingWindow {

    @EmbeddedId
    public Key key;

    @Column(name = "opens_on", nullable = false)
    public LocalDate opensOn;

    @Column(name = "closes_on", nullable = false)
    public LocalDate closesOn;

    /** The ETag of the window; a change needs If-Match. */
    public int revision;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public OffsetDateTime setAt;

    public ReportPeriod.Window window() {
        return new ReportPeriod.Window(opensOn, closesOn, false);
    }

    @Embeddable
    public record Key(@Column(name = "province_code") String provinceCode, @Column(name = "period") String period)
            implements Serializable {
    }
}
