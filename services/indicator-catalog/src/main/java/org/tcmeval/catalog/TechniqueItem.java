package org.tcmeval.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * An item (项) of a technique class, e.g. {@code ACUPUNCTURE_FILIFORM} 毫针, in one technique list
 * ({@code scope}). Within its list its code never moves to another class.
 */
@Entity
@Table(name = "technique_item")
@IdClass(TechniqueItem.Key.class)
public class TechniqueItem {

    @Id
    public String scope;

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

    /** {@code true} when no source document gives the item: a placeholder until an official list replaces it. */
    public boolean provisional;

    /** The document the item comes from, or why it is provisional. */
    public String source;

    /** The identity of an item: its list and its code. */
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
