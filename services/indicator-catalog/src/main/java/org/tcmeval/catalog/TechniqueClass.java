package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A class (类) of TCM appropriate techniques (中医药适宜技术), e.g. {@code ACUPUNCTURE} 针刺类, as it is now. */
@Entity
@Table(name = "technique_class")
public class TechniqueClass {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** Increases with every change; the ETag of the class. */
    public int revision;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
