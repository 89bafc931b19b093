package org.tcmeval.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcmeval.registry.DivisionCodes;
import org.tcmeval.registry.DivisionLevel;
import org.tcmeval.registry.DivisionRules;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.InstitutionRules;
import org.tcmeval.registry.mapping.DivisionCsv;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;

class DemoProvinceTest {

    static final DemoProvince.Data DATA = DemoProvince.generate(DemoProvince.DEFAULT_SEED);

    @Test
    void theSameSeedGivesTheSameFilesAndAnotherSeedOthers(@TempDir Path dir) throws Exception {
        DemoProvince.Written written = DemoProvince.write(dir, DemoProvince.DEFAULT_SEED);
        assertThat(Files.readString(written.divisions())).isEqualTo(DATA.divisionsCsv());
        assertThat(Files.readString(written.institutions())).isEqualTo(DATA.institutionsCsv());
        assertThat(DemoProvince.generate(7).institutionsCsv()).isNotEqualTo(DATA.institutionsCsv());
    }

    @Test
    void itIsShapedLikeGuangxi() {
        Map<DivisionLevel, Long> levels = DATA.divisions().stream()
                .collect(Collectors.groupingBy(d -> DivisionCodes.level(d.code()), Collectors.counting()));
        assertThat(levels.get(DivisionLevel.PROVINCE)).isEqualTo(1);
        assertThat(levels.get(DivisionLevel.CITY)).isEqualTo(14);
        assertThat(levels.get(DivisionLevel.COUNTY)).isBetween(105L, 115L);
        Map<InstitutionType, Long> types = DATA.institutions().stream()
                .collect(Collectors.groupingBy(l -> l.draft().type(), Collectors.counting()));
        assertThat(types.get(InstitutionType.CHSC) + types.get(InstitutionType.THC)).isBetween(1_150L, 1_350L)
                .isEqualTo(levels.get(DivisionLevel.TOWNSHIP));
        assertThat(types.get(InstitutionType.CHSS) + types.get(InstitutionType.VILLAGE_CLINIC)).isBetween(18_500L, 21_500L);
        assertThat(types.get(InstitutionType.COUNTY_TCM_HOSPITAL)).isEqualTo(levels.get(DivisionLevel.COUNTY));
        assertThat(types.get(InstitutionType.TCM_CLINIC)).isPositive();
        assertThat((long) DATA.institutions().size()).isBetween(20_500L, 23_000L);

        Map<String, DivisionCsv.Line> byCode = DATA.divisions().stream()
                .collect(Collectors.toMap(DivisionCsv.Line::code, Function.identity()));
        assertThat(byCode.get("4509").name()).isEqualTo("玉林市");
        assertThat(byCode.get("450902").name()).isEqualTo("玉州区");
        assertThat(byCode.get("450921").name()).isEqualTo("容县");
        assertThat(byCode.get("450902100").name()).isEqualTo("仁东镇");
        // Children's residents add up to their parent's (2024), down to the counties.
        for (DivisionCsv.Line parent : DATA.divisions().stream().filter(d -> d.code().length() < 9).toList()) {
            List<DivisionCsv.Line> children = DATA.divisions().stream()
                    .filter(d -> parent.code().equals(DivisionCodes.parentOf(d.code()))).toList();
            assertThat(children).as(parent.code()).isNotEmpty().allMatch(c -> c.population().containsKey(2024));
            assertThat(children.stream().mapToLong(c -> c.population().get(2024)).sum()).as(parent.code())
                    .isEqualTo(parent.population().get(2024));
        }
        assertThat(byCode.values().stream().filter(d -> d.code().length() == 6)
                .filter(d -> d.population().get(2024) <= 300_000)).as("counties below the 300,000 condition").isNotEmpty();
    }

    @Test
    void everyRowPassesTheImportRules() {
        Set<String> codes = new HashSet<>();
        for (DivisionCsv.Line d : DATA.divisions()) {
            assertThat(DivisionRules.check(d.code(), d.name(), d.levelLabel())).as(d.code()).isEmpty();
            String parent = DivisionCodes.parentOf(d.code());
            assertThat(parent == null || codes.contains(parent)).as("parent of " + d.code() + " comes first").isTrue();
            assertThat(codes.add(d.code())).isTrue();
        }
        Set<String> usccs = new HashSet<>();
        Set<String> registrations = new HashSet<>();
        for (InstitutionCsv.Line l : DATA.institutions()) {
            InstitutionDraft d = l.draft();
            assertThat(InstitutionRules.check(d)).as(d.name()).isEmpty();
            assertThat(codes).contains(d.divisionCode());
            assertThat(d.uscc() == null || usccs.add(d.uscc())).as("unique uscc " + d.uscc()).isTrue();
            assertThat(registrations.add(d.registrationNumber())).isTrue();
        }
        assertThat(DATA.institutions().stream().map(l -> l.draft().uscc()).filter(Objects::isNull)).isNotEmpty();
        assertThat(DATA.institutions().stream().filter(l -> l.draft().closedOn() != null)).isNotEmpty();
        assertThat(DATA.institutions().stream().filter(l -> l.draft().ethnicMedicine() != null)).isNotEmpty();
    }
}
