package org.tcmeval.registry.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.InstitutionIds;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.UnifiedSocialCreditCode;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.InstitutionType;

class InstitutionImportPlanTest {

    static final Jurisdiction YULIN = new Jurisdiction("4509", Set.of("city-admin"));
    static final String HEADER = "id,name,type,divisionCode,uscc,registrationNumber,openedOn\n";

    static String uscc(String serial) {
        String first17 = "12450921MB" + serial;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static Institution registered(String name, String division, String uscc, String registration) {
        Institution i = new Institution();
        i.id = InstitutionIds.next();
        new InstitutionDraft(name, InstitutionType.THC, division, uscc, registration, null, null, null,
                LocalDate.of(1958, 3, 1), null).applyTo(i);
        return i;
    }

    @Test
    void rowsAreMatchedByIdThenUsccThenRegistrationNumber() {
        Institution yangmei = registered("容县杨梅镇卫生院", "450921101", uscc("0000001"), "PDY0001");
        Institution liuwang = registered("容县六王镇卫生院", "450921103", null, "PDY0003");
        Institution nanning = registered("南宁卫生院", "450102100", uscc("0000009"), null);
        String csv = HEADER
                + ",容县杨梅镇卫生院,THC,450921101," + uscc("0000001") + ",PDY0001,1958-03-01\n"
                + ",容县六王镇中心卫生院,THC,450921103,,PDY0003,1958-03-01\n"
                + ",容县灵山镇卫生院,THC,450921102," + uscc("0000002") + ",,\n"
                + ",容县外码卫生院,THC,450921102," + uscc("0000009") + ",,\n"
                + ",容县重复卫生院,THC,450921102," + uscc("0000002") + ",,\n"
                + InstitutionIds.next() + ",容县无名卫生院,THC,450921102,,PDY0099,\n"
                + ",容县无镇卫生院,THC,450921199,,PDY0098,\n"
                + yangmei.id + ",容县杨梅镇卫生院,THC,450921101,,PDY0077,1958-03-01\n";
        InstitutionImportPlan.Screened screened = InstitutionImportPlan.screen(csv, YULIN);
        InstitutionImportPlan plan = InstitutionImportPlan.of(screened, Set.of("450921101", "450921102", "450921103"),
                List.of(yangmei, liuwang, nanning), YULIN);

        assertThat(plan.unchanged).isEqualTo(1);
        assertThat(plan.updated).singleElement().satisfies(r -> {
            assertThat(r.institution()).isSameAs(liuwang);
            assertThat(liuwang.name).isEqualTo("容县六王镇中心卫生院");
        });
        assertThat(plan.created).singleElement().satisfies(r -> assertThat(r.institution().name).isEqualTo("容县灵山镇卫生院"));
        assertThat(plan.errors).extracting(RowError::row, RowError::field, RowError::rule).containsExactlyInAnyOrder(
                tuple(5, "uscc", "duplicate-uscc"),
                tuple(6, "uscc", "duplicate-uscc"),
                tuple(7, "id", "known-institution"),
                tuple(8, "divisionCode", "known-division"),
                tuple(9, "id", "duplicate-row"));
        assertThat(yangmei.name).isEqualTo("容县杨梅镇卫生院");
    }

    @Test
    void rowsOutsideTheJurisdictionAreUnknownDivisions() {
        InstitutionImportPlan.Screened screened = InstitutionImportPlan.screen(HEADER
                + ",南宁卫生院,THC,450102100," + uscc("0000005") + ",,\n", YULIN);
        assertThat(screened.rows()).isEmpty();
        assertThat(screened.errors()).extracting(RowError::rule).containsExactly("known-division");
        assertThat(Ownership.values()).hasSize(2);
    }
}
