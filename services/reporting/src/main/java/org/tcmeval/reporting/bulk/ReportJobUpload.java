package org.tcmeval.reporting.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bytes of a job's upload, kept apart from the job so that reading its state never loads them. */
@Entity
@Table(name = "report_job_upload")
public class ReportJobUpload extends io.quarkus.hibernate.reactive.panache.PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID jobId;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] body;
}
