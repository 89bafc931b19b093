package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An item (项) of a technique class, e.g. {@code ACUPUNCTURE_FILIFORM} 毫针. Its code never moves to another class. */
@Entity
@Table(name = "technique_item")
public class TechniqueItem {

    @Id
    public String code;

    @Column(name = "class_code", nullable = false)
    public String classCode;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** Left out of the class's latest version; kept because reports cite it. */
    public boolean retired;
}
