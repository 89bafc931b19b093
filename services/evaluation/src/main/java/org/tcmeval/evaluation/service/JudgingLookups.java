package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.tcmeval.engine.Divisions;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.InstitutionType;

/**
 * Per-batch caches of what every judgement of a division reads: prefetched in a few statements per
 * year, so that judging thousands of results is plain Java. A class of its own because callers
 * outside {@link Judging} hold one: a chosen profile prefetches into one and judges with it.
 */
public final class JudgingLookups {

    private final EvaluationConfig config;
    private final DivisionPopulations populations;
    private final OperatingInstitutions operatingInstitutions;
    private final Map<String, Map<String, BigDecimal>> facts = new HashMap<>();
    /** The registry's residents per division and year, for conditions on a population the report lacks. */
    private final Map<String, Long> registry = new HashMap<>();
    private final Map<String, OptionalLong> expected = new HashMap<>();
    /** Operating institutions per year, province, county and type, for provinces read in full. */
    private final Map<String, Map<String, Map<InstitutionType, Long>>> operating = new HashMap<>();

    JudgingLookups(EvaluationConfig config, DivisionPopulations populations,
            OperatingInstitutions operatingInstitutions) {
        this.config = config;
        this.populations = populations;
        this.operatingInstitutions = operatingInstitutions;
    }

    /**
     * Reads what judging these divisions in {@code year} needs in two statements: their own
     * reports, and the operating institutions of their provinces counted per county and type.
     */
    Uni<Void> prefetch(int year, Set<String> divisions) {
        List<String> unread = divisions.stream().filter(d -> !facts.containsKey(d + "/" + year)).toList();
        List<String> provinces = divisions.stream().map(d -> d.substring(0, Math.min(2, d.length()))).distinct()
                .filter(p -> !operating.containsKey(year + "/" + p)).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!unread.isEmpty()) {
            chain = chain.chain(() -> ReportRef.<ReportRef>list("unitId in ?1 and year = ?2 and period = ?3", unread,
                    year, String.valueOf(year)).invoke(reports -> {
                        unread.forEach(d -> facts.put(d + "/" + year, Map.of()));
                        for (ReportRef r : reports) {
                            Counting.counted(config.counting(), r).ifPresent(f -> facts.put(r.unitId + "/" + year, f));
                        }
                    }).replaceWithVoid());
            // A condition such as "more than 300,000 residents" reads the registry's residents where the
            // report has none, as densities do; locked shared like the report path's read (see
            // DivisionPopulations), so a population change and this judgement see each other.
            chain = chain.chain(() -> populations.residents(unread, year).invoke(m ->
                    m.forEach((d, n) -> registry.put(d + "/" + year, n))).replaceWithVoid());
        }
        if (!provinces.isEmpty()) {
            chain = chain.chain(() -> operatingInstitutions.of(year, provinces).invoke(m -> provinces.forEach(
                    p -> operating.put(year + "/" + p, m.getOrDefault(p, Map.of())))).replaceWithVoid());
        }
        return chain;
    }

    private OptionalLong counted(String division, Set<InstitutionType> types, int year) {
        Map<String, Map<InstitutionType, Long>> counties = operating.get(year + "/"
                + division.substring(0, Math.min(2, division.length())));
        if (counties == null) {
            throw new IllegalStateException("operating institutions of " + division + " in " + year + " not prefetched");
        }
        long n = 0;
        for (var c : counties.entrySet()) {
            if (c.getKey().startsWith(division)) {
                for (InstitutionType t : types) {
                    n += c.getValue().getOrDefault(t, 0L);
                }
            }
        }
        return OptionalLong.of(n);
    }

    /** The division's own counting report figures (a county's county report, a city's own report); prefetched. */
    Map<String, BigDecimal> facts(String division, int year) {
        return facts.getOrDefault(division + "/" + year, Map.of());
    }

    /** The registry's residents of the division in the year, or null; prefetched. */
    Long registryPopulation(String division, int year) {
        return registry.get(division + "/" + year);
    }

    /** Units that should have reported: operating institutions of the applicable types, or the county itself; prefetched. */
    OptionalLong expected(String division, IndicatorDefinition i, int year) {
        return switch (i.reporter()) {
            case COUNTY -> Divisions.isCounty(division) ? OptionalLong.of(1) : OptionalLong.empty();
            case JURISDICTION -> OptionalLong.of(1);
            case INSTITUTION -> expected.computeIfAbsent(division + "/" + year + "/" + new TreeSet<>(i.applicableTypes()),
                    k -> counted(division, i.applicableTypes(), year));
        };
    }
}
