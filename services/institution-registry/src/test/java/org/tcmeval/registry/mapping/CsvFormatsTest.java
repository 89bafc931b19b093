package org.tcmeval.registry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.rest.RowError;
import org.tcmeval.support.csv.UploadText;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.targets.InstitutionType;

class CsvFormatsTest {

    @Test
    void utf8WithOrWithoutBomIsReadAndGbkIsRefusedWithItsLine() {
        assertThat(UploadText.decode("\uFEFFcode,name\n45,广西".getBytes(StandardCharsets.UTF_8))).isEqualTo("code,name\n45,广西");
        byte[] gbk = "code,name\n45,广西壮族自治区\n".getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> UploadText.decode(gbk)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("line 2").hasMessageContaining("UTF-8")
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).rule()).isEqualTo("utf-8"));
    }

    @Test
    void headerFaultsAreFileProblems() {
        assertThat(rule(() -> InstitutionCsv.read("name,type\n"))).isEqualTo("required-column");
        assertThat(rule(() -> InstitutionCsv.read("name,type,divisionCode,机构名称\n"))).isEqualTo("unknown-column");
        assertThat(rule(() -> InstitutionCsv.read("name,name,type,divisionCode\n"))).isEqualTo("duplicate-column");
        assertThat(rule(() -> DivisionCsv.read("code,name,population.24\n"))).isEqualTo("unknown-column");
        assertThat(rule(() -> DivisionCsv.read("code,name\n45,\"广西\n"))).isEqualTo("csv-syntax");
    }

    @Test
    void rowsAreNumberedAsASpreadsheetShowsThemAndEveryBadCellIsReported() {
        String csv = "name,type,divisionCode,openedOn,ownership,id\n"
                + "容县中医医院,COUNTY_TCM_HOSPITAL,450921,1958/3/1,PUBLIC,\n"
                + "\n"
                + "容县杨梅镇卫生院,乡镇卫生院,450921101,1958-02-30,公立,x\n"
                + "容县,THC\n";
        InstitutionCsv.Parsed parsed = InstitutionCsv.read(csv);
        assertThat(parsed.rowCount()).isEqualTo(3);
        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().get(0).row()).isEqualTo(2);
        assertThat(parsed.rows().get(0).draft().openedOn()).isEqualTo(LocalDate.of(1958, 3, 1));
        assertThat(parsed.errors()).extracting(RowError::row, RowError::field, RowError::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(5, "*", "column-count"),
                org.assertj.core.groups.Tuple.tuple(4, "type", "one-of"),
                org.assertj.core.groups.Tuple.tuple(4, "openedOn", "date"),
                org.assertj.core.groups.Tuple.tuple(4, "ownership", "one-of"),
                org.assertj.core.groups.Tuple.tuple(4, "id", "uuid"));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        UUID id = UUID.randomUUID();
        InstitutionDraft draft = new InstitutionDraft("容县\"杨梅\",镇卫生院", InstitutionType.THC, "450921101",
                null, "PDY0001", Ownership.PUBLIC, HospitalGrade.GRADE_1A, null, LocalDate.of(1958, 3, 1), null);
        InstitutionCsv.Parsed parsed = InstitutionCsv.read(InstitutionCsv.write(List.of(new InstitutionCsv.Line(id, draft))));
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).id()).isEqualTo(id);
        assertThat(parsed.rows().get(0).draft()).isEqualTo(draft);

        var population = new TreeMap<>(Map.of(2023, 646_000L, 2024, 651_000L));
        String divisions = DivisionCsv.write(List.of(new DivisionCsv.Line("450921", "容县", "县", population),
                new DivisionCsv.Line("4509", "玉林市", null, new TreeMap<>(Map.of(2024, 5_790_000L)))));
        assertThat(divisions).isEqualTo("code,parentCode,level,name,levelLabel,population.2023,population.2024\r\n"
                + "4509,45,CITY,玉林市,,,5790000\r\n450921,4509,COUNTY,容县,县,646000,651000\r\n");
        DivisionCsv.Parsed back = DivisionCsv.read(divisions);
        assertThat(back.errors()).isEmpty();
        assertThat(back.rows().get(1).line()).isEqualTo(new DivisionCsv.Line("450921", "容县", "县", population));
        assertThat(back.years()).containsExactly(2023, 2024);
    }

    @Test
    void divisionRowsMustAgreeWithTheirCode() {
        DivisionCsv.Parsed parsed = DivisionCsv.read("code,parentCode,level,name,population.2024\n"
                + "450921,4508,COUNTY,容县,651000\n450922,4509,CITY,陆川县,1\n450923,,,博白县,一百万\n"
                + "450924,,,兴业县,900000000\n");
        assertThat(parsed.errors()).extracting(RowError::row, RowError::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "parent-is-prefix"),
                org.assertj.core.groups.Tuple.tuple(3, "level-matches-code"),
                org.assertj.core.groups.Tuple.tuple(4, "residents"),
                org.assertj.core.groups.Tuple.tuple(5, "residents"));
        assertThat(parsed.codes()).containsExactlyInAnyOrder("450921", "450922", "450923", "450924");
    }

    @Test
    void aCursorIsBoundToItsFilters() {
        UUID last = UUID.randomUUID();
        String token = PageCursor.after(last, "division=4509").encode();
        assertThat(PageCursor.decode(token, "division=4509")).isEqualTo(last);
        assertThat(rule(() -> PageCursor.decode(token, "division=4507"))).isEqualTo("cursor-filters");
        assertThat(rule(() -> PageCursor.decode("bm90IG91cnM", "division=4509"))).isEqualTo("cursor");
        assertThat(rule(() -> PageCursor.decode("%%%", "division=4509"))).isEqualTo("cursor");
    }

    static String rule(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e.errors().get(0).rule();
        }
        throw new AssertionError("no problem raised");
    }
}
