package org.tcmeval.reporting.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A bulk report job (批量填报任务): one upload of many reports, recorded before it is answered with
 * 202 and worked through in the background.
 */
@Entity
@Table(name = "report_job")
public class ReportJob extends io.quarkus.hibernate.reactive.panache.PanacheEntityBase {

    /** QUEUED until the runner takes it; RUNNING; then one of the three ends. */
    public enum State {
        QUEUED, RUNNING,
        /** Every row was processed: good rows stored (or, for a dry run, checked), bad rows listed. */
        COMPLETED,
        /** All-or-nothing and some row broke a rule: nothing was stored, the errors list why. */
        REJECTED,
        /** The job could not be processed (see detail); nothing of an all-or-nothing job was stored. */
        FAILED
    }

    public enum Mode {
        /** One bad row refuses the whole upload (the default). */
        ALL_OR_NOTHING,
        /** Good rows are stored, bad rows listed. */
        GOOD_ROWS
    }

    @Id
    public UUID id;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    /** The caller's realm roles, space-separated. */
    @Column(nullable = false)
    public String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportRows.Format format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "rows_total")
    public int rowsTotal;

    @Column(name = "rows_done")
    public int rowsDone;

    @Column(name = "rows_failed")
    public int rowsFailed;

    public int created;

    public int revised;

    public int unchanged;

    public String detail;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public boolean finished() {
        return state == State.COMPLETED || state == State.REJECTED || state == State.FAILED;
    }
}
