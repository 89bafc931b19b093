package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A class (类) of TCM appropriate techniques (中医药适宜技术), e.g. {@code ACUPUNCTURE} 针刺类, as it is now,
 * in one technique list: {@code scope} {@code 00} is the national list, a 2-digit province code that
 * province's official list.
 */
@Entity
@Table(name = "technique_class")
@IdClass(TechniqueClass.Key.class)
public class TechniqueClass {

    @Id
    public String scope;

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    /** {@code null} where a province's list gives Chinese names only. */
    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    /** Increases with every change; the ETag of the class. */
    public int revision;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    /** The identity of a class: its list and its code. */
    public static class Key implements Serializable {
        public String scope;
        public String code;

        public Key() {
        }

        public Key(String scope, String code) {
            this.scope = scope;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, code);
        }
    }
}
