package org.tcmeval.registry.repository;

import java.time.LocalDate;
import java.util.Set;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.registry.InstitutionStatus;
import org.tcmeval.registry.Ownership;
import org.tcmeval.targets.InstitutionType;

/**
 * Filters of an institution list; {@code null} or empty means "any".
 *
 * @param divisionPrefix already narrowed to the caller's jurisdiction
 * @param today          the day against which {@code status} is judged
 * @param operatingIn    a year: the institution was open on at least one day of it
 * @param q              part of the name, matched case-insensitively
 */
public record InstitutionQuery(
        String divisionPrefix,
        Set<InstitutionType> types,
        InstitutionStatus status,
        LocalDate today,
        Integer operatingIn,
        Set<HospitalGrade> grades,
        Ownership ownership,
        EthnicMedicine ethnicMedicine,
        String q) {
}
