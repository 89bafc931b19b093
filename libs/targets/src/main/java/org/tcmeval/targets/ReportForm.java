package org.tcmeval.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A reporting form (填报表单): the figures one kind of reporter fills in, derived from the
 * indicators so that there is no second list to keep in step. An institution's form holds exactly
 * the fields that some indicator applying to its type reads; a county's and a jurisdiction's forms
 * hold their whole lists, because their figures also feed conditions and populations.
 *
 * <p>Technique classes and items are on the form but {@link Entry#derived() derived}: a report
 * lists the catalogue items it performs and the counts follow from them, so nobody can type
 * "6 classes" without naming six classes.
 *
 * @param reporter who fills the form in
 * @param institutionType the institution type, or {@code null} for a division's form
 * @param fields the form's fields in {@link ReportField}'s order
 */
public record ReportForm(Reporter reporter, InstitutionType institutionType, List<Entry> fields) {

    /** Figures computed from a report's technique items, never reported as numbers. */
    public static final Set<String> DERIVED_FROM_TECHNIQUES = Set.of(ReportField.TECHNIQUE_CLASSES.name(),
            ReportField.TECHNIQUE_ITEMS.name());

    /**
     * @param field the report field
     * @param derived computed from the report's technique items rather than entered
     * @param indicators codes of the indicators reading the field (empty for facts such as population
     *                   that conditions and densities read through other fields)
     */
    public record Entry(ReportField field, boolean derived, List<String> indicators) {
        public Entry {
            Objects.requireNonNull(field, "field");
            indicators = List.copyOf(indicators);
        }
    }

    public ReportForm {
        Objects.requireNonNull(reporter, "reporter");
        if ((reporter == Reporter.INSTITUTION) != (institutionType != null)) {
            throw new IllegalArgumentException("institutionType: given exactly for an institution's form");
        }
        fields = List.copyOf(fields);
    }

    /** The form of an institution of {@code type}: every field an indicator applying to the type reads. */
    public static ReportForm forInstitutionType(InstitutionType type) {
        Objects.requireNonNull(type, "type");
        Map<String, List<String>> readers = new LinkedHashMap<>();
        for (IndicatorDefinition i : Indicators.ALL) {
            if (i.reporter() == Reporter.INSTITUTION && i.appliesTo(type)) {
                i.fields().forEach(f -> readers.computeIfAbsent(f, k -> new ArrayList<>()).add(i.code()));
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (ReportField f : ReportField.ALL) {
            List<String> codes = readers.get(f.name());
            // A part is only meaningful next to its whole, so the whole comes onto the form too.
            boolean isWholeOfListed = ReportField.ALL.stream()
                    .anyMatch(p -> f.name().equals(p.atMost()) && readers.containsKey(p.name()));
            if (codes != null || isWholeOfListed) {
                entries.add(new Entry(f, DERIVED_FROM_TECHNIQUES.contains(f.name()), codes == null ? List.of() : codes));
            }
        }
        return new ReportForm(Reporter.INSTITUTION, type, entries);
    }

    /** The county health bureau's form (县级报表). */
    public static ReportForm forCounty() {
        return divisionForm(Reporter.COUNTY);
    }

    /** A city's or province's own figures (辖区直报). */
    public static ReportForm forJurisdiction() {
        return divisionForm(Reporter.JURISDICTION);
    }

    private static ReportForm divisionForm(Reporter reporter) {
        List<Entry> entries = ReportField.forReporter(reporter).stream().map(f -> new Entry(f, false,
                Indicators.ALL.stream().filter(i -> i.reporter() == reporter && i.fields().contains(f.name()))
                        .map(IndicatorDefinition::code).toList())).toList();
        return new ReportForm(reporter, null, entries);
    }

    /** The form's entry for a field, by its API name. */
    public Optional<Entry> field(String name) {
        // A plain loop: a bulk job calls this for every figure of every row (~200,000 times a province).
        for (Entry e : fields) {
            if (e.field().name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether the form asks for technique items (it has the derived counts). */
    public boolean hasTechniques() {
        for (Entry e : fields) {
            if (e.derived()) {
                return true;
            }
        }
        return false;
    }
}
