package org.tcmeval.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/**
 * A grassroots medical institution (基层医疗卫生机构) as registered master data. Closing sets
 * {@link #closedOn}; rows are never deleted, so history stays answerable ("was it operating in 2024?").
 */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    public UUID id;

    /** 统一社会信用代码, GB 32100-2015. */
    public String uscc;

    /** 医疗机构执业许可证登记号. */
    @Column(name = "registration_number")
    public String registrationNumber;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InstitutionType type;

    /** Township (9 digits) or county (6 digits) GB/T 2260 / statistical code; must exist as a division. */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    @Column(name = "county_code", nullable = false)
    public String countyCode;

    @Enumerated(EnumType.STRING)
    public Ownership ownership;

    @Enumerated(EnumType.STRING)
    public HospitalGrade grade;

    @Enumerated(EnumType.STRING)
    @Column(name = "ethnic_medicine")
    public EthnicMedicine ethnicMedicine;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    /** Optimistic-lock version; also the revision published with every change and the ETag. */
    @Version
    public long revision;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Token subject of the last change. */
    @Column(name = "updated_by")
    public String updatedBy;
}
