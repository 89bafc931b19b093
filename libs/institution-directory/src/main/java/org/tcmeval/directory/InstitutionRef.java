package org.tcmeval.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

/** A service's local view of an institution, built only from {@code institution-changed} events. */
@Entity
@Table(name = "institution_ref")
public class InstitutionRef {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public InstitutionType type;

    @Column(name = "division_code")
    public String divisionCode;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public long revision;

    /** 医院等级 where rated; conditions such as "grade 2A or above" read it. */
    @Enumerated(EnumType.STRING)
    public HospitalGrade grade;

    /** PUBLIC or PRIVATE. */
    public String ownership;

    /** 统一社会信用代码 (18 characters), where the registry has one. */
    public String uscc;

    /** Registration number (e.g. of a village clinic's practice licence), where the registry has one. */
    @Column(name = "registration_number")
    public String registrationNumber;

    /** A detached snapshot, so listeners can compare before and after. */
    public InstitutionRef copy() {
        InstitutionRef c = new InstitutionRef();
        c.id = id;
        c.name = name;
        c.type = type;
        c.divisionCode = divisionCode;
        c.countyCode = countyCode;
        c.openedOn = openedOn;
        c.closedOn = closedOn;
        c.revision = revision;
        c.grade = grade;
        c.ownership = ownership;
        c.uscc = uscc;
        c.registrationNumber = registrationNumber;
        return c;
    }
}
