package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.tcmeval.engine.Tally;

/**
 * What one unit (institution or reporting division) currently adds to one indicator's sums under
 * one unit filter, and the divisions whose sums hold it: taken back exactly on a correction, a
 * move, a withdrawal or a change of the filter in force.
 */
@Entity
@Table(name = "unit_contribution")
public class UnitContribution extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    /** Comma-separated division codes whose sums under {@code key.filterKey} hold this tally. */
    public String divisions;

    public BigDecimal numerator;
    public BigDecimal denominator;
    public long units;
    public long excluded;

    @Column(name = "missing_facts")
    public long missingFacts;

    @Column(name = "registry_population_units")
    public long registryPopulationUnits;

    public List<String> divisionList() {
        return Arrays.asList(divisions.split(","));
    }

    public Tally tally() {
        return new Tally(numerator, denominator, units, excluded, missingFacts, registryPopulationUnits);
    }

    public void set(Tally t, List<String> divisionCodes) {
        divisions = String.join(",", divisionCodes);
        numerator = t.numerator();
        denominator = t.denominator();
        units = t.units();
        excluded = t.excluded();
        missingFacts = t.missingFacts();
        registryPopulationUnits = t.registryPopulationUnits();
    }

    @Embeddable
    public record Key(@Column(name = "unit_id") String unitId, @Column(name = "indicator_code") String indicatorCode,
            @Column(name = "year") int year, @Column(name = "filter_key") String filterKey) implements Serializable {
    }
}
