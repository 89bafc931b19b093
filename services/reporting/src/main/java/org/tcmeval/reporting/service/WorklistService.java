package org.tcmeval.reporting.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.tcmeval.reporting.Completeness;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportQuery;
import org.tcmeval.reporting.ReportSubmission;
import org.tcmeval.reporting.config.ReportingConfig;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportForm;

/**
 * What reviewers work from: reports under a division (keyset pages), and completeness — who was
 * expected to report, who did, who is late or missing — computed in the database per child division.
 */
@ApplicationScoped
public class WorklistService {

    /** Institution types some indicator reads: only they are expected to report. */
    static final List<String> REPORTING_TYPES = Arrays.stream(InstitutionType.values())
            .filter(t -> !ReportForm.forInstitutionType(t).fields().isEmpty()).map(Enum::name).toList();

    @Inject
    WindowService windows;

    @Inject
    ReportingConfig config;

    @Inject
    Clock clock;

    public record Page(List<ReportSubmission> items, String nextCursor) {
    }

    @WithSession
    public Uni<Page> list(ReportQuery query, String cursor, int limit) {
        UUID after = cursor == null ? null : PageCursor.decode(cursor, query.canonical());
        String hql = "from ReportSubmission where divisionCode like :prefix and status in :statuses"
                + " and reporterKind in :kinds" + (query.period() == null ? "" : " and period = :period")
                + (query.reporterId() == null ? "" : " and reporterId = :reporter")
                + (after == null ? "" : " and id > :after") + " order by id";
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery(hql, ReportSubmission.class)
                    .setParameter("prefix", query.divisionPrefix() + "%")
                    .setParameter("statuses", query.statuses()).setParameter("kinds", query.kinds());
            if (query.period() != null) {
                q.setParameter("period", query.period());
            }
            if (after != null) {
                q.setParameter("after", after);
            }
            if (query.reporterId() != null) {
                q.setParameter("reporter", query.reporterId());
            }
            // One row more than asked tells whether another page exists without a count.
            return q.setMaxResults(limit + 1).getResultList();
        }).map(rows -> {
            boolean more = rows.size() > limit;
            List<ReportSubmission> page = more ? rows.subList(0, limit) : rows;
            return new Page(page, more ? PageCursor.after(page.get(page.size() - 1).id, query.canonical()).encode() : null);
        });
    }

    /** Completeness of the division and of each child division (township under a county, county under a city). */
    public record Report(Completeness total, ReportPeriod.Window window, List<Completeness> children) {
    }

    @WithSession
    public Uni<Report> completeness(String division, String period, Jurisdiction jurisdiction) {
        ReportPeriod p = ReportPeriod.parse(period).orElseThrow(() -> ProblemException.invalid("period", "period-format",
                "period must be a year (2024) or a quarter (2024-Q3)"));
        if (!division.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}") || jurisdiction.narrow(division) == null
                || !jurisdiction.covers(division)) {
            throw ProblemException.notFound("division " + division);
        }
        int childLength = switch (division.length()) {
            case 2 -> 4;
            case 4 -> 6;
            default -> 9;
        };
        return windows.windowFor(division.substring(0, 2), period).chain(w -> counts(division, p, w, childLength)
                .map(rows -> {
                    List<Completeness> children = rows.stream().map(WorklistService::toCompleteness).toList();
                    Completeness total = children.stream().reduce(new Completeness(division, 0, 0, 0, 0, 0, 0, 0),
                            (a, b) -> new Completeness(division, a.expected() + b.expected(), a.received() + b.received(),
                                    a.approved() + b.approved(), a.returned() + b.returned(),
                                    a.awaitingReview() + b.awaitingReview(), a.late() + b.late(),
                                    a.missing() + b.missing()));
                    return new Report(total, w, children);
                }));
    }

    /** An institution expected to report that has not (or only saved a draft). */
    public record Missing(UUID id, String name, String type, String divisionCode) {
    }

    public record MissingPage(List<Missing> items, String nextCursor) {
    }

    @WithSession
    public Uni<MissingPage> missing(String division, String period, String cursor, int limit, Jurisdiction jurisdiction) {
        ReportPeriod p = ReportPeriod.parse(period).orElseThrow(() -> ProblemException.invalid("period", "period-format",
                "period must be a year (2024) or a quarter (2024-Q3)"));
        if (!division.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}") || !jurisdiction.covers(division)) {
            throw ProblemException.notFound("division " + division);
        }
        String filters = "missing:" + division + ":" + period;
        UUID after = cursor == null ? null : PageCursor.decode(cursor, filters);
        String sql = """
                select i.id, i.name, i.type, i.division_code from institution_ref i
                left join report r on r.reporter_id = i.id::text and r.period = ?1
                where i.division_code like ?2 and i.type = any(cast(?3 as text[]))
                  and (i.opened_on is null or i.opened_on <= ?5) and (i.closed_on is null or i.closed_on >= ?4)
                  and (r.id is null or r.status = 'DRAFT') and i.id > ?6
                order by i.id limit ?7""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter(1, p.toString()).setParameter(2, division + "%")
                .setParameter(3, REPORTING_TYPES.toArray(String[]::new)).setParameter(4, p.start())
                .setParameter(5, p.end()).setParameter(6, after == null ? new UUID(0, 0) : after)
                .setParameter(7, limit + 1).getResultList()).map(rows -> {
                    boolean more = rows.size() > limit;
                    List<Missing> items = (more ? rows.subList(0, limit) : rows).stream()
                            .map(r -> new Missing((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
                    return new MissingPage(items, more ? PageCursor.after(items.get(items.size() - 1).id(), filters)
                            .encode() : null);
                });
    }

    private Uni<List<Object[]>> counts(String division, ReportPeriod p, ReportPeriod.Window w, int childLength) {
        boolean closed = LocalDate.now(clock).isAfter(w.closesOn());
        String sql = """
                select substr(i.division_code, 1, ?1) as child, count(*),
                  count(r.id) filter (where r.status <> 'DRAFT'),
                  count(r.id) filter (where r.status = 'APPROVED'),
                  count(r.id) filter (where r.status = 'RETURNED'),
                  count(r.id) filter (where r.status = 'SUBMITTED'),
                  count(*) filter (where (r.first_submitted_at at time zone ?7)::date > ?6
                                     or (?8 and (r.id is null or r.status = 'DRAFT'))),
                  count(*) filter (where r.id is null or r.status = 'DRAFT')
                from institution_ref i
                left join report r on r.reporter_id = i.id::text and r.period = ?2
                where i.division_code like ?3 and i.type = any(cast(?9 as text[]))
                  and (i.opened_on is null or i.opened_on <= ?5) and (i.closed_on is null or i.closed_on >= ?4)
                group by 1 order by 1""";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter(1, childLength).setParameter(2, p.toString()).setParameter(3, division + "%")
                .setParameter(4, p.start()).setParameter(5, p.end()).setParameter(6, w.closesOn())
                .setParameter(7, config.zone().getId()).setParameter(8, closed)
                .setParameter(9, REPORTING_TYPES.toArray(String[]::new)).getResultList());
    }

    private static Completeness toCompleteness(Object[] row) {
        return new Completeness((String) row[0], n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]), n(row[6]),
                n(row[7]));
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
