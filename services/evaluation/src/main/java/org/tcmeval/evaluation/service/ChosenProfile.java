package org.tcmeval.evaluation.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tcmeval.engine.Tally;
import org.tcmeval.evaluation.Counting;
import org.tcmeval.evaluation.EvaluationConfig;
import org.tcmeval.evaluation.ReportRef;
import org.tcmeval.evaluation.service.Evaluator.Evaluation;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Reporter;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;

/**
 * A division judged against a profile its caller chose (选定的目标方案) instead of the one in force
 * there — a province judging a city's counties against the provincial plan while the city judges
 * them against its own, on the same figures. Computed on demand from the stored counting figures
 * of the division's reports with the same engine and arithmetic as the stored results, and never
 * written: the stored results (and {@code target-evaluated}) stay those of the profiles in force.
 */
@ApplicationScoped
public class ChosenProfile {

    @Inject
    TargetCatalog catalog;

    @Inject
    EvaluationConfig config;

    @Inject
    Evaluator evaluator;

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
            return evaluate(division, year, found.get().getValue());
        });
    }

    private Uni<List<Evaluation>> evaluate(String division, int year, TargetResolver resolver) {
        return reports(division, year).chain(reports -> {
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
                    Evaluator.Lookups lookups = evaluator.lookups();
                    return lookups.prefetch(year, Set.of(division)).map(v -> Indicators.ALL.stream()
                            .map(i -> evaluator.judge(division, i, year, resolver, sums, lookups)).toList());
                });
            });
        });
    }

    /** The annual reports of every unit in the division: institutions by the county they roll up from, and division reports. */
    private static Uni<List<ReportRef>> reports(String division, int year) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("from ReportRef r where r.year = :y"
                        + " and r.period = :p and (r.countyCode like :d or (r.reporterKind <> 'INSTITUTION'"
                        + " and r.unitId like :d))", ReportRef.class)
                .setParameter("y", year).setParameter("p", String.valueOf(year)).setParameter("d", division + "%")
                .getResultList());
    }
}
