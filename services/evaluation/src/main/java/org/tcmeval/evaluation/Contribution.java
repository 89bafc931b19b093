package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;
import org.tcmeval.targets.AggregateRatio;

/** What one institution currently adds to its county's, city's and province's sums for one indicator. */
@Entity
@Table(name = "contribution")
public class Contribution extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "county_code")
    public String countyCode;

    public BigDecimal numerator;
    public BigDecimal denominator;

    public AggregateRatio ratio() {
        return new AggregateRatio(numerator.longValueExact(), denominator.longValueExact());
    }

    @Embeddable
    public record Key(@Column(name = "institution_id") UUID institutionId,
            @Column(name = "indicator_code") String indicatorCode, @Column(name = "year") int year)
            implements Serializable {
    }
}
