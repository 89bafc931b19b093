package org.tcmeval.targets;

/**
 * Whose fact a condition field is (事实层级). The same {@link Condition} language reads institution
 * reports and division figures; which one a field belongs to decides what a target condition means
 * (see {@link Target#condition()}): institution facts pick the units that count, division facts
 * pick the divisions the target binds.
 */
public enum FactLevel {
    /** An institution report field, or the institution's registered {@link HospitalGrade#FACT}. */
    INSTITUTION,
    /** A county (县级卫生健康局) or jurisdiction (辖区) report field, e.g. {@code residentPopulation}. */
    DIVISION;

    /**
     * The level of one field. A name on neither list is a typo, and a name on both would make a
     * condition mean two things, so both are rejected rather than guessed.
     */
    public static FactLevel of(String field) {
        boolean institution = HospitalGrade.FACT.equals(field)
                || ReportField.byName(Reporter.INSTITUTION, field).isPresent();
        boolean division = ReportField.byName(Reporter.COUNTY, field).isPresent()
                || ReportField.byName(Reporter.JURISDICTION, field).isPresent();
        if (institution && division) {
            throw new IllegalArgumentException("field: '" + field
                    + "' is both an institution and a division field; a condition on it would be ambiguous");
        }
        if (!institution && !division) {
            throw new IllegalArgumentException("field: '" + field + "' is no institution, county or jurisdiction field");
        }
        return institution ? INSTITUTION : DIVISION;
    }
}
