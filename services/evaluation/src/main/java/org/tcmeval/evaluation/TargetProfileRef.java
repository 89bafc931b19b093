package org.tcmeval.evaluation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A target profile (目标档案) with all its revisions, as the newest {@code catalog-changed} event carried it. */
@Entity
@Table(name = "target_profile_ref")
public class TargetProfileRef extends PanacheEntityBase {

    @Id
    @Column(name = "profile_id")
    public String profileId;

    @Column(name = "division_code")
    public String divisionCode;

    public int revision;

    /** The event's data ({@code TargetProfileChanged}) as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;
}
