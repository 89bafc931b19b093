package org.tcmeval.reporting.bulk;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.tcmeval.reporting.ReportPeriod;
import org.tcmeval.reporting.ReportRules;
import org.tcmeval.reporting.ReporterKind;
import org.tcmeval.reporting.technique.TechniqueCheck;
import org.tcmeval.reporting.technique.TechniqueDirectory;
import org.tcmeval.support.problem.Problem.FieldError;
import org.tcmeval.support.security.Jurisdiction;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.ReportForm;

/**
 * Checks and writes a chunk of bulk rows set-based: a handful of queries per chunk look up the
 * institutions, the existing reports, windows and reopenings; a handful of statements insert the
 * reports, their versions and their events. The rules are those of a single submission
 * ({@code ReportService} and {@code ReportWriter}): role and jurisdiction, known and operating
 * institution, period, figures against the reporter's form, the reporting window.
 *
 * <p>A row for a reporter and period that already has a report adds a version (status SUBMITTED,
 * back to review, as a correction by PUT would) when its figures or techniques differ from the
 * current version, and changes nothing when they are equal (a re-sent file changes nothing). A
 * current version that is a draft is submitted. Runs in the caller's transaction.
 */
@ApplicationScoped
public class BulkReports {

    static final String SOURCE = "/reporting";

    @Inject
    BulkQueries queries;

    @Inject
    Clock clock;

    @Inject
    TechniqueDirectory catalogue;

    private final Map<InstitutionType, ReportForm> forms = new EnumMap<>(InstitutionType.class);

    /** What one row turns into. */
    public sealed interface Outcome permits Create, Revise, Unchanged, Refused {
        int row();
    }

    public record Reporter(ReporterKind kind, String reporterId, UUID institutionId, InstitutionType type,
            String divisionCode) {
    }

    public record Create(int row, Reporter reporter, String period, Map<String, BigDecimal> figures,
            List<String> techniques) implements Outcome {
    }

    public record Revise(int row, Existing existing, Reporter reporter, String period, Map<String, BigDecimal> figures,
            List<String> techniques) implements Outcome {
    }

    public record Unchanged(int row, Existing existing) implements Outcome {
    }

    public record Refused(int row, List<RowError> errors) implements Outcome {
    }

    /** The current state of a report that already exists. */
    public record Existing(UUID id, String reporterKind, String reporterId, UUID institutionId, String institutionType,
            String divisionCode, int year, String period, String status, int revision, int currentVersion,
            Map<String, BigDecimal> figures, List<String> techniques, String versionStatus) {
    }

    record Inst(UUID id, InstitutionType type, String divisionCode, LocalDate openedOn, LocalDate closedOn, String uscc,
            String registrationNumber) {
    }

    /** Counts of a written chunk and what each of its rows became. */
    public record Written(int created, int revised, List<RowResult> results) {
        public Written(int created, int revised) {
            this(created, revised, List.of());
        }
    }

    /** The report a row created, revised or left unchanged, at its revision after the job. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReportJobRowResult",
            description = "The report one row of a bulk job became.")
    public record RowResult(int row, UUID reportId, int revision, String outcome) {
    }

    /**
     * Checks rows against the rules and the database as it is now.
     *
     * @param seen reporter-and-period keys of earlier rows of the same job: a repeat is a row error
     */
    public Uni<List<Outcome>> screen(List<BulkRow> rows, Jurisdiction jurisdiction, Set<String> seen) {
        LocalDate today = LocalDate.now(clock);
        Set<String> ids = new HashSet<>();
        Set<String> usccs = new HashSet<>();
        Set<String> registrations = new HashSet<>();
        for (BulkRow r : rows) {
            if (r.institutionId() != null && isUuid(r.institutionId())) {
                ids.add(r.institutionId().toLowerCase());
            }
            if (r.uscc() != null) {
                usccs.add(r.uscc().toUpperCase());
            }
            if (r.registrationNumber() != null) {
                registrations.add(r.registrationNumber());
            }
        }
        return queries.institutions(ids, usccs, registrations).chain(found -> {
            Map<String, Inst> byId = new HashMap<>();
            Map<String, Inst> byUscc = new HashMap<>();
            Map<String, Inst> byRegistration = new HashMap<>();
            for (Inst i : found) {
                byId.put(i.id().toString(), i);
                if (i.uscc() != null) {
                    byUscc.put(i.uscc(), i);
                }
                if (i.registrationNumber() != null) {
                    byRegistration.put(i.registrationNumber(), i);
                }
            }
            // First pass: everything that needs no further query.
            List<Object> first = new ArrayList<>(rows.size());
            for (BulkRow r : rows) {
                first.add(check(r, jurisdiction, today, byId, byUscc, byRegistration));
            }
            return queries.windowsOf(first).chain(open -> queries.reopenings(first, open).chain(reopened -> {
                List<Checked> passed = new ArrayList<>();
                List<Object> second = new ArrayList<>(first.size());
                for (Object o : first) {
                    if (o instanceof Checked c) {
                        String province = c.reporter().divisionCode().substring(0, 2);
                        ReportPeriod.Window w = open.get(province + "|" + c.row().period());
                        LocalDate until = reopened.get(c.reporter().reporterId() + "|" + c.row().period());
                        boolean isOpen = w.isOpenOn(today) || (until != null && !today.isAfter(until)
                                && !today.isBefore(w.opensOn()));
                        if (!isOpen) {
                            String message = "the reporting window for " + c.row().period() + " in province " + province
                                    + " is " + w.opensOn() + " to " + w.closesOn() + (w.byDefault() ? " (default)" : "")
                                    + "; today is " + today;
                            second.add(new Refused(c.row().row(), List.of(new RowError(c.row().row(), "period",
                                    "within-reporting-window", message))));
                            continue;
                        }
                        String key = c.reporter().reporterId() + "|" + c.row().period();
                        if (!seen.add(key)) {
                            second.add(new Refused(c.row().row(), List.of(new RowError(c.row().row(),
                                    reporterField(c.row()), "unique-in-file", "an earlier row of this job already reports "
                                    + c.reporter().reporterId() + " for " + c.row().period()))));
                            continue;
                        }
                        passed.add(c);
                    }
                    second.add(o);
                }
                return techniqueChecks(passed).chain(checks -> queries.existing(passed).map(current -> {
                    List<Outcome> out = new ArrayList<>(rows.size());
                    for (Object o : second) {
                        if (o instanceof Outcome outcome) {
                            out.add(outcome);
                            continue;
                        }
                        Checked c = (Checked) o;
                        BulkRow r = c.row();
                        TechniqueCheck t = checks.get(r.row());
                        if (t != null && !t.errors().isEmpty()) {
                            out.add(refused(r, t.errors().stream().map(e -> new RowError(r.row(), e.field(), e.rule(),
                                    e.message())).toList()));
                            continue;
                        }
                        Map<String, BigDecimal> figures = new TreeMap<>(r.figures());
                        List<String> techniques = r.techniques();
                        if (t != null) {
                            // Counted from the listed codes, as for a single submission; never typed in.
                            figures.put(ReportField.TECHNIQUE_CLASSES.name(), BigDecimal.valueOf(t.classes()));
                            figures.put(ReportField.TECHNIQUE_ITEMS.name(), BigDecimal.valueOf(t.items()));
                            techniques = t.itemCodes();
                        }
                        Existing e = current.get(c.reporter().reporterId() + "|" + r.period());
                        if (e == null) {
                            out.add(new Create(r.row(), c.reporter(), r.period(), figures, techniques));
                        } else if (!"DRAFT".equals(e.versionStatus()) && sameFigures(e.figures(), figures)
                                && e.techniques().equals(techniques)) {
                            out.add(new Unchanged(r.row(), e));
                        } else {
                            out.add(new Revise(r.row(), e, c.reporter(), r.period(), figures, techniques));
                        }
                    }
                    return out;
                }));
            }));
        });
    }

    /**
     * The catalogue's verdict on each passed row that lists technique items, by row number: one
     * look-up per province against the list in force there (reporting's projection).
     */
    private Uni<Map<Integer, TechniqueCheck>> techniqueChecks(List<Checked> passed) {
        Map<Integer, TechniqueDirectory.Request> requests = new HashMap<>();
        for (Checked c : passed) {
            if (!c.row().techniques().isEmpty()) {
                requests.put(c.row().row(), new TechniqueDirectory.Request(c.reporter().divisionCode(),
                        c.row().techniques()));
            }
        }
        return catalogue.checkAll(requests);
    }

    /** A row that passed the checks needing no query beyond the institutions. */
    record Checked(BulkRow row, Reporter reporter) {
    }

    private Object check(BulkRow r, Jurisdiction jurisdiction, LocalDate today, Map<String, Inst> byId,
            Map<String, Inst> byUscc, Map<String, Inst> byRegistration) {
        List<RowError> errors = new ArrayList<>();
        int given = (r.institutionId() == null ? 0 : 1) + (r.uscc() == null ? 0 : 1)
                + (r.registrationNumber() == null ? 0 : 1) + (r.divisionCode() == null ? 0 : 1);
        if (given != 1) {
            return refused(r, new RowError(r.row(), reporterField(r), "one-reporter", "give exactly one of institutionId, "
                    + "uscc, registrationNumber (an institution's report) and divisionCode (a division's own); this row "
                    + "gives " + given));
        }
        if (r.period() == null) {
            errors.add(new RowError(r.row(), "period", "required", "period must be a year (2024) or a quarter (2024-Q3)"));
        } else {
            for (FieldError e : ReportRules.checkPeriod(r.period(), today)) {
                errors.add(new RowError(r.row(), e.field(), e.rule(), e.message()));
            }
        }
        Reporter reporter;
        String field = reporterField(r);
        if (r.divisionCode() != null) {
            var kind = ReporterKind.ofDivisionCode(r.divisionCode());
            if (kind.isEmpty()) {
                errors.add(new RowError(r.row(), field, "division-report-level", "divisionCode must be a province "
                        + "(2 digits), city (4) or county (6) code; institutions report with institutionId, uscc or "
                        + "registrationNumber"));
                return refused(r, errors);
            }
            if (!kind.get().mayBeFiledBy(jurisdiction.roles())) {
                errors.add(new RowError(r.row(), field, "role", "your roles may not file " + kind.get() + " reports"));
                return refused(r, errors);
            }
            if (!jurisdiction.covers(r.divisionCode())) {
                errors.add(new RowError(r.row(), field, "within-jurisdiction", "division " + r.divisionCode()
                        + " is outside your jurisdiction"));
                return refused(r, errors);
            }
            reporter = new Reporter(kind.get(), r.divisionCode(), null, null, r.divisionCode());
        } else {
            if (!ReporterKind.INSTITUTION.mayBeFiledBy(jurisdiction.roles())) {
                errors.add(new RowError(r.row(), field, "role", "your roles may not file INSTITUTION reports"));
                return refused(r, errors);
            }
            Inst inst = r.institutionId() != null ? (isUuid(r.institutionId()) ? byId.get(r.institutionId().toLowerCase())
                    : null) : r.uscc() != null ? byUscc.get(r.uscc().toUpperCase()) : byRegistration.get(r.registrationNumber());
            if (r.institutionId() != null && !isUuid(r.institutionId())) {
                errors.add(new RowError(r.row(), field, "uuid", "institutionId '" + ReportRows.abbreviate(r.institutionId())
                        + "' is not an institution id"));
                return refused(r, errors);
            }
            if (inst == null || !jurisdiction.covers(inst.divisionCode())) {
                String named = r.institutionId() != null ? r.institutionId() : r.uscc() != null ? r.uscc()
                        : r.registrationNumber();
                errors.add(new RowError(r.row(), field, "known-institution", "institution " + ReportRows.abbreviate(named)
                        + " is not registered or is outside your jurisdiction (a just-registered institution reaches "
                        + "reporting within seconds)"));
                return refused(r, errors);
            }
            var period = r.period() == null ? java.util.Optional.<ReportPeriod>empty() : ReportPeriod.parse(r.period());
            if (period.isPresent()) {
                boolean opened = inst.openedOn() == null || !inst.openedOn().isAfter(period.get().end());
                boolean open = inst.closedOn() == null || !inst.closedOn().isBefore(period.get().start());
                if (!opened || !open) {
                    errors.add(new RowError(r.row(), field, "operating-in-period", "institution " + inst.id()
                            + " did not operate in " + period.get() + " (opened " + inst.openedOn() + ", closed "
                            + inst.closedOn() + ")"));
                }
            }
            reporter = new Reporter(ReporterKind.INSTITUTION, inst.id().toString(), inst.id(), inst.type(),
                    inst.divisionCode());
        }
        ReportForm form = reporter.kind() == ReporterKind.INSTITUTION ? form(reporter.type()) : reporter.kind().form(null);
        for (FieldError e : ReportRules.checkFigures(form, r.figures())) {
            errors.add(new RowError(r.row(), e.field(), e.rule(), e.message()));
        }
        if (!r.techniques().isEmpty()) {
            if (!form.hasTechniques()) {
                errors.add(new RowError(r.row(), "techniques", "on-form", "the form of this reporter has no technique items"));
            }
        }
        return errors.isEmpty() ? new Checked(r, reporter) : refused(r, errors);
    }

    private synchronized ReportForm form(InstitutionType type) {
        return forms.computeIfAbsent(type, ReporterKind.INSTITUTION::form);
    }

    private static Refused refused(BulkRow r, RowError e) {
        return new Refused(r.row(), List.of(e));
    }

    private static Refused refused(BulkRow r, List<RowError> errors) {
        return new Refused(r.row(), List.copyOf(errors));
    }

    static String reporterField(BulkRow r) {
        return r.institutionId() != null ? ReportRows.INSTITUTION_ID : r.uscc() != null ? ReportRows.USCC
                : r.registrationNumber() != null ? ReportRows.REGISTRATION_NUMBER : r.divisionCode() != null
                        ? ReportRows.DIVISION_CODE : ReportRows.INSTITUTION_ID;
    }

    private static final java.util.regex.Pattern UUID_TEXT = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static boolean isUuid(String s) {
        return UUID_TEXT.matcher(s).matches();
    }

    private static boolean sameFigures(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (var e : a.entrySet()) {
            BigDecimal other = b.get(e.getKey());
            if (e.getValue() == null ? other != null : other == null || e.getValue().compareTo(other) != 0) {
                return false;
            }
        }
        return true;
    }
}
