package org.tcmeval.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tcmeval.catalog.TechniqueRules.ClassDraft;
import org.tcmeval.catalog.TechniqueRules.ItemDraft;
import org.tcmeval.support.problem.ProblemException;

/** The CSV rules and the merge's provenance, without Quarkus. */
class TechniqueListCsvTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void classesKeepFirstAppearanceOrderAndItemsCarryTheSource() {
        var parsed = TechniqueListCsv.parse(utf8("\uFEFFitemCode,itemNameZh,classCode,classNameZh\n"
                + "gx_tn_01,壮医经筋推拿,TUINA,推拿类\n\n"
                + "GX_ZC_01,毫针刺法,ACUPUNCTURE,针刺类\n"
                + "GX_TN_02,小儿推拿,TUINA,推拿类\n"), "广西目录");
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.classes().keySet()).containsExactly("TUINA", "ACUPUNCTURE");
        ClassDraft tuina = parsed.classes().get("TUINA");
        assertThat(tuina.sortOrder()).isEqualTo(1);
        assertThat(tuina.nameEn()).isNull();
        assertThat(tuina.items()).extracting(ItemDraft::code).containsExactly("GX_TN_01", "GX_TN_02");
        assertThat(tuina.items()).extracting(ItemDraft::provisional).containsOnly(false);
        assertThat(tuina.items()).extracting(ItemDraft::source).containsOnly("广西目录");
        assertThat(parsed.items()).isEqualTo(3);
        assertThat(parsed.rowCount()).isEqualTo(3);
        // The blank line keeps spreadsheet numbering: GX_ZC_01 is on row 4.
        assertThat(parsed.rows()).extracting(TechniqueListCsv.Row::row).containsExactly(2, 4, 5);
    }

    @Test
    void anItemNeverMovesToAnotherClassOfTheList() {
        var parsed = TechniqueListCsv.parse(utf8("classCode,classNameZh,itemCode,itemNameZh\nMOXIBUSTION,灸类,X_1,甲\n"),
                "s");
        assertThat(TechniqueListCsv.moved(parsed.rows(), Map.of("X_1", "ACUPUNCTURE")))
                .extracting(TechniqueListCsv.RowError::rule).containsExactly("item-of-another-class");
        assertThat(TechniqueListCsv.moved(parsed.rows(), Map.of("X_1", "MOXIBUSTION"))).isEmpty();
    }

    @Test
    void fileFaultsAreRefusedWhole() {
        assertThatThrownBy(() -> TechniqueListCsv.parse(new byte[] {(byte) 0xD5, (byte) 0xEB}, "s"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).errors().get(0).rule())
                .isEqualTo("utf-8");
        assertThatThrownBy(() -> TechniqueListCsv.parse(utf8("classCode,classCode\n"), "s"))
                .isInstanceOf(ProblemException.class).extracting(e -> ((ProblemException) e).errors().get(0).rule())
                .isEqualTo("duplicate-column");
    }

    @Test
    void anItemFromASourceDocumentIsNotProvisionalAndANewOneWithoutIsProvisional() {
        TechniqueClass c = new TechniqueClass();
        c.scope = "00";
        c.code = "TUINA";
        c.nameZh = "推拿类";
        c.nameEn = "Tuina";
        c.sortOrder = 3;
        var merge = TechniqueRules.merge(c, new ClassDraft("推拿类", "Tuina", 3, List.of(
                new ItemDraft("TUINA_A", "甲", null), new ItemDraft("TUINA_B", "乙", null, false, "某目录"))), List.of());
        assertThat(merge.added()).extracting(i -> i.provisional).containsExactly(true, false);
        assertThat(merge.added()).extracting(i -> i.source).containsExactly(TechniqueRules.NO_SOURCE, "某目录");
        assertThat(merge.added()).extracting(i -> i.scope).containsOnly("00");
        // Sending the same items again without provenance keeps what they have.
        var again = TechniqueRules.merge(c, new ClassDraft("推拿类", "Tuina", 3, List.of(
                new ItemDraft("TUINA_A", "甲", null), new ItemDraft("TUINA_B", "乙", null))), merge.added());
        assertThat(again.changed()).isFalse();
        assertThat(merge.added().get(1).provisional).isFalse();
    }
}
