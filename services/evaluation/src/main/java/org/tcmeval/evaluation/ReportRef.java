package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A report at the highest revision {@code report-submitted} delivered, with the figures of its last
 * approved version kept apart (see {@link Counting}).
 */
@Entity
@Table(name = "report_ref")
public class ReportRef extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    /** INSTITUTION, COUNTY, CITY or PROVINCE. */
    @Column(name = "reporter_kind")
    public String reporterKind;

    /** The institution id, or the reporting division's code. */
    @Column(name = "unit_id")
    public String unitId;

    @Column(name = "institution_id")
    public UUID institutionId;

    @Column(name = "division_code")
    public String divisionCode;

    /** The county the unit's contributions roll up from when last applied; null for city/province reports. */
    @Column(name = "county_code")
    public String countyCode;

    public int year;
    public String period;
    public int revision;
    public int version;

    /** SUBMITTED, APPROVED or RETURNED. */
    public String status;

    /** Figures of the newest version, as JSON text (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String figures;

    @Column(name = "approved_version")
    public Integer approvedVersion;

    /** Figures of the last approved version; cleared when the report is returned. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "approved_figures")
    public String approvedFigures;

    /**
     * The figures text last written by {@link Counting#apply} and the figures it was written from (the
     * same text object, compared by identity, so any other assignment of the columns is read afresh).
     */
    @jakarta.persistence.Transient
    public transient java.util.Map.Entry<String, java.util.Map<String, java.math.BigDecimal>> read;

    /**
     * Annual indicators read annual reports only; a quarterly period looks like {@code 2024-Q3}. Every
     * indicator is annual: libs/targets sets no quarterly target, so a quarterly report is kept (at its
     * newest revision) but counts for nothing, and results are never asked for a quarter (see
     * {@link org.tcmeval.evaluation.rest.AnnualPeriod}).
     */
    public boolean isAnnual() {
        return period.length() == 4;
    }

    public boolean isInstitutionReport() {
        return "INSTITUTION".equals(reporterKind);
    }
}
