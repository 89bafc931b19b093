package org.tcmeval.evaluation.service;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.List;
import org.tcmeval.evaluation.IndicatorResult;
import org.tcmeval.evaluation.ResultStatus;
import org.tcmeval.support.persistence.BulkSql;
import org.tcmeval.support.persistence.SessionSql;

/**
 * The SQL of {@code indicator_result} for {@link ResultPublisher}: the locked read, its rows as plain
 * objects (not managed entities, see {@link ResultPublisher#recordAll}) and the bulk upsert.
 */
final class ResultRows {

    private ResultRows() {
    }

    /** Locked and read in one statement, in key order (two batches lock shared rows in the same order). */
    static Uni<List<Object[]>> lockAndRead(int year, List<String> divisions, List<String> codes) {
        return SessionSql.select("select " + COLUMNS + " from indicator_result where year = $1"
                + " and unit_id = any($2::text[]) and indicator_code = any($3::text[])"
                + " order by unit_id, indicator_code for update",
                year, divisions.toArray(String[]::new), codes.toArray(String[]::new));
    }

    private static final String COLUMNS = "unit_id, indicator_code, year, scope, status, value, numerator, denominator,"
            + " comparator, threshold, upper_bound, profile_id, units_decided, units_expected, completeness, reason,"
            + " condition_text, cast(actual_figures as text), sequence, updated_at, population, population_source";

    static IndicatorResult resultOf(Object[] row) {
        IndicatorResult r = new IndicatorResult();
        r.key = new IndicatorResult.Key((String) row[0], (String) row[1], ((Number) row[2]).intValue());
        r.scope = (String) row[3];
        r.status = ResultStatus.valueOf((String) row[4]);
        r.value = (BigDecimal) row[5];
        r.numerator = (BigDecimal) row[6];
        r.denominator = (BigDecimal) row[7];
        r.comparator = row[8] == null ? null : org.tcmeval.targets.Comparator.valueOf((String) row[8]);
        r.threshold = (BigDecimal) row[9];
        r.upper = (BigDecimal) row[10];
        r.profileId = (String) row[11];
        r.unitsDecided = ((Number) row[12]).longValue();
        r.unitsExpected = ((Number) row[13]).longValue();
        r.completeness = (BigDecimal) row[14];
        r.reason = (String) row[15];
        r.condition = (String) row[16];
        r.actualFigures = (String) row[17];
        r.sequence = ((Number) row[18]).longValue();
        r.population = (BigDecimal) row[20];
        r.populationSource = (String) row[21];
        return r;
    }

    /** Inserts or replaces the changed results in one statement per 2,000. */
    static Uni<Integer> store(List<IndicatorResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<IndicatorResult> r = results;
        String columns = "unit_id, indicator_code, year, scope, status, value, numerator, denominator, comparator,"
                + " threshold, upper_bound, profile_id, units_decided, units_expected, completeness, reason,"
                + " condition_text, actual_figures, sequence, updated_at, population, population_source";
        StringBuilder set = new StringBuilder();
        for (String c : columns.split(",\\s*")) {
            if (!List.of("unit_id", "indicator_code", "year").contains(c)) {
                set.append(set.isEmpty() ? "" : ", ").append(c).append(" = excluded.").append(c);
            }
        }
        return BulkSql.executeColumns("insert into indicator_result (" + columns + ") select unit_id, indicator_code,"
                + " year, scope, status, value, numerator, denominator, comparator, threshold, upper_bound, profile_id,"
                + " units_decided, units_expected, completeness, reason, condition_text, cast(actual_figures as jsonb),"
                + " sequence, cast(updated_at as timestamptz), population, population_source from " + BulkSql.unnest("text",
                        "text", "int", "text", "text", "numeric", "numeric", "numeric", "text", "numeric", "numeric", "text",
                        "bigint", "bigint", "numeric", "text", "text", "text", "bigint", "text", "numeric", "text")
                + " as r(" + columns + ")"
                + " on conflict (unit_id, indicator_code, year) do update set " + set, 2_000,
                r.stream().map(x -> x.key.unitId()).toArray(String[]::new),
                r.stream().map(x -> x.key.indicatorCode()).toArray(String[]::new),
                r.stream().map(x -> x.key.year()).toArray(Integer[]::new),
                r.stream().map(x -> x.scope).toArray(String[]::new),
                r.stream().map(x -> x.status.name()).toArray(String[]::new),
                r.stream().map(x -> x.value).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.numerator).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.denominator).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.comparator == null ? null : x.comparator.name()).toArray(String[]::new),
                r.stream().map(x -> x.threshold).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.upper).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.profileId).toArray(String[]::new),
                r.stream().map(x -> x.unitsDecided).toArray(Long[]::new),
                r.stream().map(x -> x.unitsExpected).toArray(Long[]::new),
                r.stream().map(x -> x.completeness).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.reason).toArray(String[]::new),
                r.stream().map(x -> x.condition).toArray(String[]::new),
                r.stream().map(x -> x.actualFigures).toArray(String[]::new),
                r.stream().map(x -> x.sequence).toArray(Long[]::new),
                r.stream().map(x -> x.updatedAt.toString()).toArray(String[]::new),
                r.stream().map(x -> x.population).toArray(BigDecimal[]::new),
                r.stream().map(x -> x.populationSource).toArray(String[]::new));
    }
}
