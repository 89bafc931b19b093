package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A division as the newest {@code division-changed} event carried it. Its population by year lives
 * in {@code division_fact_population}, read and written in bulk by
 * {@link org.tcmeval.evaluation.service.DivisionPopulations}.
 */
@Entity
@Table(name = "division_fact")
public class DivisionFact extends PanacheEntityBase {

    @Id
    public String code;

    /** The registry's revision of the division; older and repeated events are ignored. */
    public long revision;

    public String name;

    /** PROVINCE, CITY, COUNTY or TOWNSHIP. */
    public String level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "level_label")
    public String levelLabel;
}
