package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A jurisdiction's target profile (目标档案), the aggregate root: a stable id and the division it
 * sets targets for. What the profile says — parent and targets — lives in its
 * {@link ProfileRevision}s; libs/targets models one revision as {@code org.tcmeval.targets.TargetProfile}.
 */
@Entity
@Table(name = "target_profile")
public class Profile {

    @Id
    public String id;

    /** GB/T 2260 code, {@code 00} for the national baseline; never changes. */
    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    /** The newest revision, whatever year it takes effect. */
    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
