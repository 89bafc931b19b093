package org.tcmeval.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.tcmeval.targets.InstitutionType;

/** Reporting's local view of an institution, built only from {@code institution-changed} events. */
@Entity
@Table(name = "institution_ref")
public class InstitutionRef {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public InstitutionType type;

    @Column(name = "division_code")
    public String divisionCode;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public long revision;
}
