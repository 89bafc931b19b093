package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.Tally;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.service.Judging.Evaluation;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;

/**
 * A division judged against a profile its caller chose (选定的目标方案) instead of the one in force
 * there — a province judging a city's counties against the provincial plan while the city judges
 * them against its own, on the same figures. Judged on reading with the same engine and arithmetic
 * as the stored results, and never written: the stored results (and {@code target-evaluated}) stay
 * those of the profiles in force. The sums come from the division's stored sums wherever the chosen
 * target filters units as the one in force does (most indicators, and all of them when the chosen
 * profile is the one in force); only the others are recomputed from the stored counting figures of
 * the division's reports, which for a province means every report of the year.
 */
@ApplicationScoped
public class ChosenProfile {

    @Inject
    TargetCatalog catalog;

    @Inject
    EvaluationConfig config;

    @Inject
    Judging judging;

    @Inject
    DivisionPopulations populations;

    /** Every indicator of {@code division} in {@code year} under {@code profileId}; reads only. */
    public Uni<List<Evaluation>> evaluate(String division, int year, String profileId) {
        return catalog.chosen(profileId, year).chain(found -> {
            TargetProfile profile = found.map(Map.Entry::getKey).orElseThrow(() -> ProblemException.unprocessable(
                    "profile", "known-profile", "no target profile " + profileId + " is in force in " + year));
            if (!TargetResolver.NATIONAL_CODE.equals(profile.divisionCode())
                    && !division.startsWith(profile.divisionCode())) {
                throw ProblemException.unprocessable("profile", "covers-division", "profile " + profileId
                        + " is for division " + profile.divisionCode() + ", which does not include " + division);
            }
            TargetResolver chosen = found.get().getValue();
            return catalog.resolver(year).chain(inForce -> reapplying(division).chain(busy -> {
                // Where the chosen target counts the same units as the one in force here, the stored sums
                // under that filter key are exactly what a recompute would give, and as current as the
                // stored results; only the indicators it filters differently need their reports read.
                List<IndicatorDefinition> same = new ArrayList<>();
                List<IndicatorDefinition> other = new ArrayList<>();
                for (IndicatorDefinition i : Indicators.ALL) {
                    (!busy && filterKey(i, chosen, division).equals(filterKey(i, inForce, division)) ? same : other)
                            .add(i);
                }
                Log.debugf("chosen profile %s at %s %d: %d indicators from stored sums, %d recomputed", profileId,
                        division, year, same.size(), other.size());
                JudgingLookups lookups = judging.lookups();
                return judging.evaluateAll(division, same, year, chosen, lookups).chain(stored -> (other.isEmpty()
                        ? Uni.createFrom().item(List.<Evaluation>of()) : evaluate(division, year, chosen, other))
                        .map(recomputed -> merge(stored, recomputed, other)));
            }));
        });
    }

    private static String filterKey(IndicatorDefinition i, TargetResolver resolver, String division) {
        return Engine.unitFilter(i, TargetInForce.resolve(resolver, division, i.code()).map(TargetInForce::target)
                .orElse(null)).key();
    }

    /** Every indicator in catalogue order: the stored-sums ones, and the recomputed ones of {@code other}. */
    private static List<Evaluation> merge(List<Evaluation> stored, List<Evaluation> recomputed,
            List<IndicatorDefinition> other) {
        Map<String, Evaluation> byCode = new HashMap<>();
        stored.forEach(ev -> byCode.put(ev.judgement().indicatorCode(), ev));
        Set<String> others = new HashSet<>();
        other.forEach(i -> others.add(i.code()));
        recomputed.stream().filter(ev -> others.contains(ev.judgement().indicatorCode()))
                .forEach(ev -> byCode.put(ev.judgement().indicatorCode(), ev));
        return Indicators.ALL.stream().map(i -> byCode.get(i.code())).filter(Objects::nonNull).toList();
    }

    /**
     * Whether a re-judging job is still re-applying reports of this division: its sums under a changed
     * filter are then partial, so nothing is read from them until it is done.
     */
    private static Uni<Boolean> reapplying(String division) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select count(*) from rejudge_job"
                        + " where phase = 'REAPPLY' and (:d like prefix || '%' or prefix like :d || '%')", Long.class)
                .setParameter("d", division).getSingleResult()).map(n -> n > 0);
    }

    /** {@code other}'s indicators recomputed from the reports they read (a county condition needs no centre's). */
    private Uni<List<Evaluation>> evaluate(String division, int year, TargetResolver resolver,
            List<IndicatorDefinition> other) {
        boolean institutions = other.stream().anyMatch(i -> i.reporter() == Reporter.INSTITUTION);
        boolean divisions = other.stream().anyMatch(i -> i.reporter() != Reporter.INSTITUTION);
        return reports(division, year, institutions, divisions).chain(reports -> {
            List<UUID> ids = reports.stream().filter(ReportRef::isInstitutionReport).map(r -> r.institutionId)
                    .distinct().toList();
            return Evaluator.institutionsById(ids).chain(known -> {
                List<Contributions.Work> work = new ArrayList<>();
                for (ReportRef r : reports) {
                    Evaluator.unitOf(r, known).ifPresent(u -> work.add(new Contributions.Work(u, year,
                            Counting.counted(config.counting(), r))));
                }
                List<String> divisionUnits = work.stream().filter(w -> w.unit().reporter() != Reporter.INSTITUTION)
                        .map(w -> w.unit().ownDivision()).toList();
                return populations.residents(divisionUnits, year).chain(residents -> {
                    // Every unit from nothing (no stored contribution is reused): the sums as the chosen
                    // profile's unit filters make them.
                    Contributions.Changes changes = new Contributions.Changes();
                    for (Contributions.Work w : work) {
                        Contributions.replace(w, List.of(), resolver, w.unit().reporter() == Reporter.INSTITUTION
                                ? null : residents.get(w.unit().ownDivision()), changes);
                    }
                    Map<Contributions.SumsKey, Tally> sums = changes.deltas.getOrDefault(year, Map.of());
                    JudgingLookups lookups = judging.lookups();
                    return lookups.prefetch(year, Set.of(division)).map(v -> Indicators.ALL.stream()
                            .map(i -> judging.judge(division, i, year, resolver, sums, lookups)).toList());
                });
            });
        });
    }

    /** The annual reports of every unit in the division: institutions by the county they roll up from, and division reports. */
    private static Uni<List<ReportRef>> reports(String division, int year, boolean institutions, boolean divisions) {
        // Read-only: a province's year is ~21,000 rows, and managed copies would be snapshotted for nothing.
        return Panache.getSession().chain(s -> s.createSelectionQuery("from ReportRef r where r.year = :y"
                        + " and r.period = :p and ((:i = true and r.reporterKind = 'INSTITUTION' and r.countyCode like :d)"
                        + " or (:v = true and r.reporterKind <> 'INSTITUTION' and (r.countyCode like :d or r.unitId like :d)))",
                        ReportRef.class)
                .setParameter("y", year).setParameter("p", String.valueOf(year)).setParameter("d", division + "%")
                .setParameter("i", institutions).setParameter("v", divisions).setReadOnly(true).getResultList());
    }
}
