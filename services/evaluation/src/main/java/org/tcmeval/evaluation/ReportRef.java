package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The newest version of a report, as {@code report-submitted} delivered it. */
@Entity
@Table(name = "report_ref")
public class ReportRef extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Column(name = "institution_id")
    public UUID institutionId;

    public String period;
    public int year;
    public int version;

    /** Figures as JSON text (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String figures;

    /** Annual indicators read annual reports only; a quarterly period looks like {@code 2024-Q3}. */
    public boolean isAnnual() {
        return period.length() == 4;
    }
}
