package org.tcmeval.evaluation.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The series and the supervision plan as CSV for Excel, written by {@link DrillCsv}'s writer (UTF-8
 * with a BOM, formulas neutralised). Each sheet says on every line what kind of row it is, so a
 * projection can never be read as a reported year once the sheet is sorted or charted.
 */
public final class TrendCsv {

    private TrendCsv() {
    }

    /**
     * BASELINE (the plan's value), one REPORTED line per year, and a PROJECTION line. {@code pending} is
     * last, so a sheet that reads columns by position keeps working; it is empty on the lines that are
     * not a stored year.
     */
    public static String series(SeriesView v) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("kind", "divisionCode", "indicatorCode", "year", "status", "value", "numerator", "denominator",
                "comparator", "threshold", "upper", "profileId", "completeness", "inProjection", "reason", "population",
                "populationSource", "pending"));
        if (v.baseline() != null) {
            rows.add(Arrays.asList("BASELINE", v.baseline().divisionCode(), v.indicatorCode(), v.baseline().year(), null,
                    v.baseline().value(), null, null, null, null, null, null, null, false, null, null, null, null));
        }
        for (SeriesView.Year y : v.years()) {
            rows.add(Arrays.asList("REPORTED", v.divisionCode(), v.indicatorCode(), y.year(), y.status(), y.value(),
                    y.numerator(), y.denominator(), y.comparator(), y.threshold(), y.upper(), y.profileId(),
                    y.completeness(), y.inProjection(), y.reason(), y.population(), y.populationSource(), y.pending()));
        }
        SeriesView.Projection p = v.projection();
        SeriesView.Target t = v.target();
        rows.add(Arrays.asList("PROJECTION", v.divisionCode(), v.indicatorCode(), p.year(), p.verdict(), p.value(), null,
                null, t == null ? null : t.comparator(), t == null ? null : t.threshold(), t == null ? null : t.upper(),
                t == null ? null : t.profileId(), null, false, p.notProjectedBecause() == null ? p.en()
                        : p.notProjectedBecause() + ": " + p.en(), null, null, null));
        return DrillCsv.write(rows);
    }

    /** Both tiers of a plan in one sheet, every chosen unit, with the tier on each line. */
    public static String plan(SupervisionPlanView v) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("tier", "rank", "unitKind", "code", "name", "institutionType", "countyCode", "reason", "gaps",
                "judged", "drawNumber", "tieBrokenByDraw", "seed", "reasonZh", "reasonEn"));
        for (var tier : List.of(v.required(), v.drawn())) {
            String name = tier == v.required() ? "REQUIRED" : "DRAWN";
            for (SupervisionPlanView.Chosen c : tier.items()) {
                rows.add(Arrays.asList(name, c.rank(), c.unitKind(), c.code(), c.name(), c.institutionType(),
                        c.countyCode(), c.reason(), c.gaps(), c.judged(), c.drawNumber(), c.tieBrokenByDraw(), v.seed(),
                        c.reasonZh(), c.reasonEn()));
            }
        }
        return DrillCsv.write(rows);
    }
}
