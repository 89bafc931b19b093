package org.tcmeval.registry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An administrative division (行政区划): province, city, county or township. The code is the
 * identity and never changes; a renumbered division is a new division.
 */
@Entity
@Table(name = "division")
public class Division {

    @Id
    public String code;

    /** The code without its last level; {@code null} for a province. */
    @Column(name = "parent_code")
    public String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DivisionLevel level;

    /** Chinese name, e.g. 容县. */
    @Column(nullable = false)
    public String name;

    /** The local name of the level (旗县, 苏木乡镇, 嘎查村, 街道, 自治县 ...); the level itself is {@link #level}. */
    @Column(name = "level_label")
    public String levelLabel;

    /** Increases with every change; unchanged by an upsert that changes nothing. */
    public long revision;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Resident population (常住人口) by year; stored in {@code division_population}, loaded by the repository. */
    @Transient
    public SortedMap<Integer, Long> population = new TreeMap<>();
}
