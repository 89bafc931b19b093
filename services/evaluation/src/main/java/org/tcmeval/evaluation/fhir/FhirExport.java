package org.tcmeval.evaluation.fhir;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.tcmeval.directory.InstitutionRef;
import org.tcmeval.engine.Engine;
import org.tcmeval.engine.TargetInForce;
import org.tcmeval.evaluation.DivisionFact;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.evaluation.Scoring;
import org.tcmeval.evaluation.rest.ScorecardView;
import org.tcmeval.evaluation.service.ScorecardService;
import org.tcmeval.evaluation.service.TargetCatalog;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.Condition;
import org.tcmeval.targets.IndicatorDefinition;
import org.tcmeval.targets.Indicators;
import org.tcmeval.targets.Target;
import org.tcmeval.targets.TargetProfile;
import org.tcmeval.targets.TargetResolver;

/**
 * Reads what the FHIR export serves: the stored results of a division, the stored contributions of
 * an institution, and the targets in force. Nothing is judged here; only {@code profile} takes the
 * scorecard's chosen-profile path ({@link ScorecardService}), which computes on reading as it does
 * there. Every read is confined to the caller's jurisdiction, answering 404 outside it.
 */
@ApplicationScoped
public class FhirExport {

    @Inject
    TargetCatalog catalog;

    @Inject
    ScorecardService scorecards;

    /** An indicator by its code (TCM_PHYSICIAN_RATIO) or its FHIR id (TCM-PHYSICIAN-RATIO); 404 otherwise. */
    public static IndicatorDefinition indicator(String codeOrId) {
        return Indicators.byCode(codeOrId.replace('-', '_'))
                .orElseThrow(() -> ProblemException.notFound("Measure " + codeOrId));
    }

    /**
     * The indicator's Measure; with {@code year}, stating the target in force for {@code division}
     * (default: the caller's own division) or, with {@code profile}, the target that profile sets.
     */
    @WithSession
    public Uni<Measure> measure(String codeOrId, Integer year, String division, String profileId,
            Jurisdiction jurisdiction) {
        IndicatorDefinition i = indicator(codeOrId);
        if (division != null && !jurisdiction.covers(division)) {
            throw ProblemException.notFound("division " + division);
        }
        if (year == null) {
            if (division != null || profileId != null) {
                throw ProblemException.invalid("year", "required-with-target", "year is required with "
                        + (division != null ? "division" : "profile") + ": targets are resolved for a year");
            }
            return Uni.createFrom().item(Measures.measure(i, null, null));
        }
        if (profileId == null) {
            String at = division != null ? division : jurisdiction.divisionCode();
            return catalog.resolver(year).map(resolver -> Measures.measure(i,
                    TargetInForce.resolve(resolver, at, i.code()).map(t -> view(t.target(), t.profileId()))
                            .orElse(null), year));
        }
        return catalog.chosen(profileId, year).map(found -> {
            TargetProfile profile = found.map(Map.Entry::getKey).orElseThrow(() -> ProblemException.unprocessable(
                    "profile", "known-profile", "no target profile " + profileId + " is in force in " + year));
            if (division != null && !TargetResolver.NATIONAL_CODE.equals(profile.divisionCode())
                    && !division.startsWith(profile.divisionCode())) {
                throw ProblemException.unprocessable("profile", "covers-division", "profile " + profileId
                        + " is for division " + profile.divisionCode() + ", which does not include " + division);
            }
            String at = division != null ? division : profile.divisionCode();
            return Measures.measure(i, TargetInForce.resolve(found.get().getValue(), at, i.code())
                    .map(t -> view(t.target(), t.profileId())).orElse(null), year);
        });
    }

    /** A summary MeasureReport per indicator of the division's scorecard, from the stored results. */
    @WithSession
    public Uni<Bundle> divisionReports(String division, int year, String profileId, Jurisdiction jurisdiction,
            String selfUrl) {
        if (!jurisdiction.covers(division)) {
            throw ProblemException.notFound("scorecard of division " + division);
        }
        // Read before the results, as the scorecard does: it may overstate what is pending, never understate it.
        return scorecards.pending(division, year).chain(pending -> {
            Uni<List<ScorecardView.Entry>> entries = profileId != null
                    ? scorecards.scorecard(division, year, profileId, jurisdiction).map(ScorecardView::indicators)
                    : IndicatorResult.<IndicatorResult>list("key.unitId = ?1 and key.year = ?2", division, year)
                            .map(results -> stored(results));
            return entries.chain(list -> DivisionFact.<DivisionFact>findById(division).map(fact -> {
                String name = fact == null ? null : fact.name;
                List<MeasureReport> reports = new ArrayList<>();
                for (ScorecardView.Entry e : list) {
                    Indicators.byCode(e.indicatorCode()).ifPresent(i -> reports.add(
                            MeasureReports.summary(division, name, year, i, e, profileId, pending)));
                }
                return MeasureReports.collection(reports, selfUrl);
            }));
        });
    }

    /** An individual MeasureReport per indicator of the institution's type, from its stored contributions. */
    @WithSession
    public Uni<Bundle> institutionReports(UUID institutionId, int year, Jurisdiction jurisdiction, String selfUrl) {
        return Panache.getSession().chain(s -> s.find(InstitutionRef.class, institutionId)).chain(ref -> {
            if (ref == null || !(jurisdiction.covers(ref.divisionCode) || jurisdiction.covers(ref.countyCode))) {
                throw ProblemException.notFound("institution " + institutionId);
            }
            List<IndicatorDefinition> indicators = ref.type == null ? List.of() : Engine.applicableIndicators(ref.type);
            String county = ref.countyCode;
            return contributions(institutionId, year).chain(rows -> IndicatorResult.<IndicatorResult>list(
                    "key.unitId = ?1 and key.year = ?2", county == null ? "-" : county, year).map(countyResults -> {
                        Map<String, IndicatorResult> target = countyResults.stream()
                                .collect(Collectors.toMap(r -> r.key.indicatorCode(), Function.identity()));
                        List<MeasureReport> reports = new ArrayList<>();
                        for (IndicatorDefinition i : indicators) {
                            Optional<Object[]> row = rows.stream().filter(r -> i.code().equals(r[0])
                                    && county != null && Arrays.asList(((String) r[1]).split(",")).contains(county))
                                    .findFirst();
                            IndicatorResult t = target.get(i.code());
                            reports.add(MeasureReports.individual(new MeasureReports.Contribution(institutionId,
                                    ref.name, year, i, row.map(r -> (BigDecimal) r[2]).orElse(null),
                                    row.map(r -> (BigDecimal) r[3]).orElse(null),
                                    row.map(r -> ((Number) r[4]).longValue()).orElse(0L),
                                    row.map(r -> ((Number) r[5]).longValue()).orElse(0L),
                                    t == null ? null : t.comparator, t == null ? null : t.threshold,
                                    t == null ? null : t.upper, t == null ? null : t.profileId)));
                        }
                        return MeasureReports.collection(reports, selfUrl);
                    }));
        });
    }

    /** indicator_code, divisions, numerator, denominator, units, excluded of each stored contribution. */
    private static Uni<List<Object[]>> contributions(UUID institutionId, int year) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select indicator_code, divisions, numerator,"
                        + " denominator, units, excluded from unit_contribution where unit_id = :u and year = :y",
                        Object[].class)
                .setParameter("u", institutionId.toString()).setParameter("y", year).getResultList());
    }

    /** Every indicator from the stored results; one without a stored result says so, judged by nobody. */
    private static List<ScorecardView.Entry> stored(List<IndicatorResult> results) {
        Map<String, IndicatorResult> byCode = results.stream()
                .collect(Collectors.toMap(r -> r.key.indicatorCode(), Function.identity()));
        List<ScorecardView.Entry> entries = new ArrayList<>();
        for (IndicatorDefinition i : Indicators.ALL) {
            IndicatorResult r = byCode.get(i.code());
            if (r != null) {
                entries.add(new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(), r.value, r.numerator,
                        r.denominator, r.comparator, r.threshold, r.upper, r.status, r.profileId, r.completeness,
                        r.unitsDecided, r.unitsExpected, r.reason, r.condition, null, r.population, r.populationSource,
                        r.sequence, r.updatedAt));
            } else {
                Optional<String> notComputed = Scoring.notComputedReason(i);
                entries.add(new ScorecardView.Entry(i.code(), i.nameZh(), i.nameEn(), i.unit(), null, null, null, null,
                        null, null, ResultStatus.NOT_COMPUTED, null, null, 0, 0,
                        notComputed.orElse("NOT_STORED: no result is recorded for this division and year"), null, null,
                        null, null, 0, null));
            }
        }
        return entries;
    }

    private static Measures.TargetView view(Target t, String profileId) {
        return new Measures.TargetView(t.comparator(), t.threshold(), t.upper(), profileId, t.deadlineYear(),
                Condition.NONE.equals(t.condition()) ? null : t.condition().describe());
    }
}
