package org.tcmeval.evaluation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.math.BigDecimal;
import java.util.List;
import org.tcmeval.targets.InstitutionType;

/**
 * How much of each level a supervision plan (督导抽查计划) covers ({@code tcm.supervision.*}). The
 * defaults are the programme's rule: a province supervises every city and 60% of counties, a city
 * every county and 60% of its grassroots institutions. A share below 1 is applied as ⌈share · n⌉.
 */
@ConfigMapping(prefix = "tcm.supervision")
public interface SupervisionConfig {

    Province province();

    City city();

    interface Province {
        /** Share of the province's cities supervised; 1 = every city. */
        @WithDefault("1")
        @DecimalMin("0") @DecimalMax("1")
        BigDecimal citiesShare();

        /** Share of the province's counties supervised. */
        @WithDefault("0.6")
        @DecimalMin("0") @DecimalMax("1")
        BigDecimal countiesShare();
    }

    interface City {
        /** Share of the city's counties supervised; 1 = every county. */
        @WithDefault("1")
        @DecimalMin("0") @DecimalMax("1")
        BigDecimal countiesShare();

        /** Share of the city's grassroots institutions supervised. */
        @WithDefault("0.6")
        @DecimalMin("0") @DecimalMax("1")
        BigDecimal institutionsShare();

        /** What counts as a grassroots institution (基层医疗卫生机构). */
        @WithDefault("CHSC,THC,CHSS,VILLAGE_CLINIC")
        List<InstitutionType> institutionTypes();
    }
}
