package org.tcmeval.launcher;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.demo.DemoProvince;
import org.tcmeval.registry.mapping.DivisionCsv;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;
import org.tcmeval.targets.ReportField;
import org.tcmeval.targets.ReportForm;

/**
 * A full, realistic 2024 reporting cycle for the demo province, generated from a seed (the same
 * seed always gives the same file): the annual report of every institution operating in 2024 (a
 * few missing), the reports of the counties and cities (a few missing), with figures spread around
 * Guangxi's thresholds (TCM physician share around 25%, elderly and children health management
 * around 75% and 85%, 中医馆 connotation around 15%, 中医阁 around 10%, ...), and what the
 * reviewers will decide on each (most approved, some returned, the rest left awaiting review).
 *
 * <p>It is one CSV in the bulk job's format: institutions identified by USCC or registration
 * number (the registry assigns the ids), divisions by code. The two township health centres of
 * 玉州区 whose reports the demo files by hand (the THCs of townships {@link #HAND_FILED}) are left out, and
 * 玉州区's other centres report a low TCM physician share, so the county stays below 25% as the
 * README tells.
 */
public final class DemoYear {

    public static final String PERIOD = "2024";
    /** Townships whose centre the demo's yuzhou-reporter files by hand (DemoData.REPORTS). */
    static final Set<String> HAND_FILED = Set.of("450902100", "450902101");
    static final String YUZHOU = "450902";

    /** What the reviewers do with a row's report. */
    public enum Decision { APPROVE, RETURN, NONE }

    /** Which kind of reporter a row is, to pick its reviewer. */
    public enum Kind { INSTITUTION, COUNTY, CITY }

    /** One data row: the spreadsheet row number (header = 1), its reporter kind and its decision. */
    public record Row(int row, Kind kind, String reporter, Decision decision) {
    }

    /**
     * @param csv the bulk job's upload
     * @param yuzhouTcmPhysicians, yuzhouPhysicians 玉州区's CHSC and THC totals in the file (without the two hand-filed)
     */
    public record Year(String csv, List<Row> rows, int institutions, int counties, int cities, int missing,
            long yuzhouTcmPhysicians, long yuzhouPhysicians) {
    }

    private static final String[][] TECHNIQUES = {
        {"ACUPUNCTURE_FILIFORM", "ACUPUNCTURE_AURICULAR", "ACUPUNCTURE_THREE_EDGED", "ACUPUNCTURE_ELONGATED",
            "ACUPUNCTURE_INTRADERMAL", "ACUPUNCTURE_FIRE", "ACUPUNCTURE_CUTANEOUS"},
        {"MOXIBUSTION_SUSPENDED", "MOXIBUSTION_INDIRECT", "MOXIBUSTION_WARM_NEEDLE", "MOXIBUSTION_WHEAT_GRAIN",
            "MOXIBUSTION_NATURAL"},
        {"CUPPING_RETAINED", "CUPPING_FLASH", "CUPPING_MOVING", "CUPPING_HERBAL", "CUPPING_BLOODLETTING"},
        {"GUA_SHA_SCRAPING", "GUA_SHA_PINCHING", "GUA_SHA_BIAN_STONE"},
        {"COMPRESS_ACUPOINT_APPLICATION", "COMPRESS_HOT_IRONING", "COMPRESS_FUMIGATION", "COMPRESS_SOAKING"},
        {"MINIMALLY_INVASIVE_ACUPOTOMY", "MINIMALLY_INVASIVE_BLADED_NEEDLE", "MINIMALLY_INVASIVE_ROUND_SHARP"}};

    /** The technique items the demo year cites, by class (the catalogue must know them: bench/reporting publishes them). */
    public static List<List<String>> techniqueItems() {
        return java.util.Arrays.stream(TECHNIQUES).map(List::of).toList();
    }

    private final SplittableRandom random;
    private final Map<InstitutionType, ReportForm> forms = new LinkedHashMap<>();
    private final List<String> columns = new ArrayList<>();
    private final List<Map<String, String>> lines = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private long yuzhouTcm;
    private long yuzhouAll;
    private int missing;

    private DemoYear(long seed) {
        random = new SplittableRandom(seed ^ 0x2024L);
        columns.addAll(List.of("uscc", "registrationNumber", "divisionCode", "period"));
        Set<String> fields = new TreeSet<>();
        for (InstitutionType t : InstitutionType.values()) {
            ReportForm f = ReportForm.forInstitutionType(t);
            forms.put(t, f);
            f.fields().stream().filter(e -> !e.derived()).forEach(e -> fields.add(e.field().name()));
        }
        ReportForm.forCounty().fields().forEach(e -> fields.add(e.field().name()));
        ReportForm.forJurisdiction().fields().forEach(e -> fields.add(e.field().name()));
        columns.addAll(fields);
        columns.add("techniques");
    }

    public static Year generate(DemoProvince.Data province, long seed) {
        return new DemoYear(seed).build(province);
    }

    private Year build(DemoProvince.Data province) {
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate end = LocalDate.of(2024, 12, 31);
        int institutions = 0;
        for (InstitutionCsv.Line line : province.institutions()) {
            InstitutionDraft d = line.draft();
            boolean operating = (d.openedOn() == null || !d.openedOn().isAfter(end))
                    && (d.closedOn() == null || !d.closedOn().isBefore(start));
            // Types whose form is empty (no indicator reads anything from them) have nothing to report.
            // Only the hand-filed townships' health centres are left to yuzhou-reporter; their stations and
            // village clinics report in the job like everyone else's.
            boolean handFiled = HAND_FILED.contains(d.divisionCode()) && d.type() == InstitutionType.THC;
            if (!operating || handFiled || (d.uscc() == null && d.registrationNumber() == null)
                    || forms.get(d.type()).fields().isEmpty()) {
                continue;
            }
            if (random.nextDouble() < 0.025) {
                missing++;
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            if (d.uscc() != null) {
                cells.put("uscc", d.uscc());
            } else {
                cells.put("registrationNumber", d.registrationNumber());
            }
            institution(d, cells);
            add(cells, Kind.INSTITUTION, d.uscc() != null ? d.uscc() : d.registrationNumber(), 0.86, 0.04);
            institutions++;
        }
        int counties = 0;
        int cities = 0;
        for (DivisionCsv.Line div : province.divisions()) {
            long population = div.population().isEmpty() ? 0 : div.population().getOrDefault(2024,
                    div.population().get(div.population().lastKey()));
            if (div.code().length() == 6) {
                if (random.nextDouble() < 0.03) {
                    missing++;
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                cells.put("divisionCode", div.code());
                county(population, cells);
                add(cells, Kind.COUNTY, div.code(), 0.85, 0.06);
                counties++;
            } else if (div.code().length() == 4) {
                if (random.nextDouble() < 0.05) {
                    missing++;
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                cells.put("divisionCode", div.code());
                city(population, cells);
                add(cells, Kind.CITY, div.code(), 0.8, 0.08);
                cities++;
            }
        }
        StringBuilder csv = new StringBuilder(200 * (lines.size() + 1));
        csv.append(String.join(",", columns)).append("\r\n");
        for (Map<String, String> l : lines) {
            StringJoiner j = new StringJoiner(",");
            for (String c : columns) {
                j.add(l.getOrDefault(c, ""));
            }
            csv.append(j).append("\r\n");
        }
        return new Year(csv.toString(), List.copyOf(rows), institutions, counties, cities, missing, yuzhouTcm, yuzhouAll);
    }

    private void add(Map<String, String> cells, Kind kind, String reporter, double approved, double returned) {
        cells.put("period", PERIOD);
        lines.add(cells);
        double d = random.nextDouble();
        Decision decision = d < approved ? Decision.APPROVE : d < approved + returned ? Decision.RETURN : Decision.NONE;
        rows.add(new Row(lines.size() + 1, kind, reporter, decision));
    }

    private void institution(InstitutionDraft d, Map<String, String> cells) {
        ReportForm form = forms.get(d.type());
        boolean township = d.type() == InstitutionType.CHSC || d.type() == InstitutionType.THC;
        boolean village = d.type() == InstitutionType.CHSS || d.type() == InstitutionType.VILLAGE_CLINIC;
        boolean countyHospital = d.type().name().startsWith("COUNTY_");
        Map<String, Long> v = new LinkedHashMap<>();
        // Wholes first, then their parts.
        long physicians = township ? 4 + random.nextInt(37) : countyHospital ? 60 + random.nextInt(240)
                : village ? random.nextInt(3) : 1 + random.nextInt(6);
        v.put("physicians", physicians);
        double tcmShare = d.type() == InstitutionType.COUNTY_TCM_HOSPITAL ? between(0.45, 0.75)
                : d.divisionCode().startsWith(YUZHOU) && township ? between(0.08, 0.24)
                : township ? clamp(0.26 + 0.09 * random.nextGaussian(), 0.05, 0.6) : between(0.05, 0.4);
        v.put("tcmPhysicians", Math.round(physicians * tcmShare));
        v.put("tcmCapableClinicalPhysicians", Math.round((physicians - v.get("tcmPhysicians")) * between(0, 0.3)));
        v.put("tcmCapableStaff", (long) (village ? (random.nextDouble() < (d.type() == InstitutionType.CHSS ? 0.95 : 0.82)
                ? 1 + random.nextInt(3) : 0) : 1 + random.nextInt(township ? 12 : 40)));
        long visits = township ? 15_000 + random.nextInt(185_000) : countyHospital ? 150_000 + random.nextInt(450_000)
                : 800 + random.nextInt(12_000);
        v.put("visits", visits);
        v.put("tcmVisits", Math.round(visits * clamp(0.3 + 0.08 * random.nextGaussian(), 0.05, 0.8)));
        v.put("nonDrugTherapyVisits", Math.round(v.get("tcmVisits") * between(0.15, 0.45)));
        long prescriptions = Math.round(visits * between(0.5, 0.8));
        v.put("prescriptions", prescriptions);
        v.put("tcmPrescriptions", Math.round(prescriptions * clamp(0.3 + 0.08 * random.nextGaussian(), 0.05, 0.8)));
        long elderly = 900 + random.nextInt(9_000);
        v.put("elderlyResidents", elderly);
        v.put("elderlyTcmManaged", Math.round(elderly * clamp(0.76 + 0.06 * random.nextGaussian(), 0.4, 0.98)));
        long children = 150 + random.nextInt(2_500);
        v.put("children0To36Months", children);
        v.put("childrenTcmManaged", Math.round(children * clamp(0.855 + 0.05 * random.nextGaussian(), 0.5, 0.99)));
        long activities = 4 + random.nextInt(30);
        v.put("healthEducationActivities", activities);
        v.put("tcmHealthEducationActivities", Math.round(activities * between(0.2, 0.6)));
        long audience = 200 + random.nextInt(8_000);
        v.put("healthEducationAudience", audience);
        v.put("tcmHealthEducationAudience", Math.round(audience * between(0.2, 0.6)));
        boolean clinicArea = random.nextDouble() < 0.96;
        v.put("hasTcmClinicArea", flag(clinicArea));
        v.put("tcmClinicAreaConnotationBuilt", flag(clinicArea && random.nextDouble() < 0.17));
        v.put("demonstrationTcmClinicArea", flag(clinicArea && random.nextDouble() < 0.05));
        v.put("tcmClinicAreaOnPlatform", flag(clinicArea && random.nextDouble() < 0.95));
        v.put("hasTcmCorner", flag(random.nextDouble() < 0.11));
        v.put("hasRehabDept", flag(random.nextDouble() < 0.77));
        v.put("hasGeriatricsDept", flag(random.nextDouble() < 0.6));
        v.put("hasPreventiveDept", flag(random.nextDouble() < 0.85));
        v.put("meetsCapacityStandard", flag(random.nextDouble() < 0.82));
        for (ReportForm.Entry e : form.fields()) {
            if (e.derived()) {
                continue;
            }
            ReportField f = e.field();
            Long value = v.get(f.name());
            if (value == null) {
                // Any other field on the form: a flag most have, or a small count.
                value = f.kind() == ReportField.Kind.FLAG ? flag(random.nextDouble() < 0.75) : (long) random.nextInt(20);
            }
            cells.put(f.name(), Long.toString(value));
        }
        for (ReportForm.Entry e : form.fields()) {
            String whole = e.field().atMost();
            if (whole != null && cells.containsKey(e.field().name()) && cells.containsKey(whole)
                    && Long.parseLong(cells.get(e.field().name())) > Long.parseLong(cells.get(whole))) {
                cells.put(e.field().name(), cells.get(whole));
            }
        }
        if (form.hasTechniques()) {
            cells.put("techniques", techniques(township));
        }
        if (township && d.divisionCode().startsWith(YUZHOU) && form.field("tcmPhysicians").isPresent()) {
            yuzhouTcm += v.get("tcmPhysicians");
            yuzhouAll += physicians;
        }
    }

    private String techniques(boolean township) {
        double capable = township ? 0.85 : 0.8;
        boolean meets = random.nextDouble() < capable;
        int classes = township ? (meets ? 6 : 3 + random.nextInt(3)) : (meets ? 4 + random.nextInt(3) : 1 + random.nextInt(3));
        int items = township ? (meets ? 10 + random.nextInt(8) : 4 + random.nextInt(6))
                : (meets ? 6 + random.nextInt(6) : 2 + random.nextInt(4));
        List<String> out = new ArrayList<>();
        // One item of each class first, then more items of those classes.
        for (int c = 0; c < classes; c++) {
            out.add(TECHNIQUES[c][0]);
        }
        for (int i = 1; out.size() < items && i < 8; i++) {
            for (int c = 0; c < classes && out.size() < items; c++) {
                if (i < TECHNIQUES[c].length) {
                    out.add(TECHNIQUES[c][i]);
                }
            }
        }
        return String.join(";", out);
    }

    private void county(long population, Map<String, String> cells) {
        long pop = population > 0 ? population : 300_000 + random.nextInt(900_000);
        long institutions = random.nextDouble() < 0.97 ? 1 + (random.nextDouble() < 0.1 ? 1 : 0) : 0;
        cells.put("residentPopulation", Long.toString(pop));
        cells.put("countyRunTcmInstitutions", Long.toString(institutions));
        cells.put("countyRunTcmHospitals", Long.toString(Math.min(institutions, 1)));
        cells.put("tcmHospitalsGrade2aOrAbove", Long.toString(institutions > 0 && random.nextDouble() < 0.82 ? 1 : 0));
        cells.put("hasTcmHealthEducationBase", flag(random.nextDouble() < 0.9).toString());
        cells.put("hasTechniquePromotionCentre", flag(random.nextDouble() < 0.85).toString());
        cells.put("tcmGeneralPractitioners", Long.toString(Math.round(pop / 10_000.0 * between(0.3, 0.85))));
        boolean community = institutions > 0 && random.nextDouble() < 0.75;
        cells.put("tcmLedMedicalCommunities", Long.toString(community ? 1 : 0));
        cells.put("tcmLedMedicalCommunityPopulation", Long.toString(community ? Math.round(pop * between(0.18, 0.45)) : 0));
    }

    private void city(long population, Map<String, String> cells) {
        long pop = population > 0 ? population : 2_000_000 + random.nextInt(4_000_000);
        cells.put("residentPopulation", Long.toString(pop));
        cells.put("tcmInstitutions", Long.toString(40 + random.nextInt(80)));
        cells.put("publicTcmHospitals", Long.toString(4 + random.nextInt(10)));
        cells.put("publicTcmHospitalBeds", Long.toString(Math.round(pop / 1000.0 * between(0.6, 0.95))));
        cells.put("tcmLicensedPhysicians", Long.toString(Math.round(pop / 1000.0 * between(0.3, 0.7))));
        cells.put("publicGeneralHospitalTcmBeds", Long.toString(Math.round(pop / 1000.0 * between(0.05, 0.15))));
        cells.put("grade2PublicTcmHospitalTcmPhysicianShare", percent(between(55, 70)));
        cells.put("grade2TcmHospitalRehabDeptShare", percent(between(70, 100)));
        cells.put("grade3PublicTcmHospitalFeverClinicShare", percent(between(80, 100)));
        cells.put("grade2PublicTcmHospitalGeriatricsDeptShare", percent(between(50, 80)));
        cells.put("grade2PublicGeneralHospitalTcmDeptShare", percent(between(80, 100)));
        cells.put("tcmVisitShare", percent(between(15, 30)));
        cells.put("tcmHospitalDischargeShare", percent(between(10, 20)));
        cells.put("tcmHealthServiceScale", percent(between(40, 90)));
        cells.put("tcmMaterialFarmingOutput", percent(between(5, 60)));
        cells.put("tcmManufacturingOutput", percent(between(5, 80)));
        cells.put("tcmHealthCultureLiteracy", percent(between(17, 27)));
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    private static Long flag(boolean b) {
        return b ? 1L : 0L;
    }

    private static String percent(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code DemoYear [seed]}: prints the counts and 玉州区's TCM physician totals (the README quotes them). */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : DemoProvince.DEFAULT_SEED;
        Year y = generate(DemoProvince.generate(seed), seed);
        System.out.printf("%d institution, %d county, %d city reports (%d missing); %d bytes; 玉州区 CHSC+THC TCM "
                + "physicians %d / %d (+ the two hand-filed 3 / 16)%n", y.institutions(), y.counties(), y.cities(),
                y.missing(), y.csv().length(), y.yuzhouTcmPhysicians(), y.yuzhouPhysicians());
    }
}
