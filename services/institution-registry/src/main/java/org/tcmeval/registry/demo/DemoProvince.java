package org.tcmeval.registry.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tcmeval.registry.EthnicMedicine;
import org.tcmeval.targets.HospitalGrade;
import org.tcmeval.registry.InstitutionDraft;
import org.tcmeval.registry.Ownership;
import org.tcmeval.registry.UnifiedSocialCreditCode;
import org.tcmeval.registry.mapping.DivisionCsv;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.targets.InstitutionType;

/**
 * A synthetic province shaped like Guangxi (广西, code 45): its 14 real cities, ~111 counties
 * (Yulin's seven with their real codes and names, e.g. 450902 玉州区 and 450921 容县; the others
 * invented), ~1,250 townships each with one CHSC or THC, ~20,000 village clinics and stations, a
 * TCM, a general and an MCH hospital per county, and some private TCM clinics. Names, populations,
 * USCCs (with valid check characters) and registration numbers are plausible but made up. The same
 * seed always gives the same bytes; the files are in exactly the formats the import endpoints read.
 */
public final class DemoProvince {

    public static final String PROVINCE = "45";
    public static final long DEFAULT_SEED = 20251231L;
    public static final String DIVISIONS_FILE = "divisions.csv";
    public static final String INSTITUTIONS_FILE = "institutions.csv";

    /** The generated data, as CSV lines. */
    public record Data(List<DivisionCsv.Line> divisions, List<InstitutionCsv.Line> institutions) {

        public String divisionsCsv() {
            return DivisionCsv.write(divisions);
        }

        public String institutionsCsv() {
            return InstitutionCsv.write(institutions);
        }
    }

    /** Where {@link #write} put the files, and how many rows each has. */
    public record Written(Path divisions, Path institutions, int divisionRows, int institutionRows) {
    }

    private record City(String suffix, String name, int districts, int counties, int cityCounties, long residents) {
    }

    // Real cities of Guangxi with their count of districts, counties and county-level cities, and
    // resident population (2024, rounded); the counties under them are invented except Yulin's.
    private static final List<City> CITIES = List.of(
            new City("01", "南宁市", 7, 4, 1, 8_940_000), new City("02", "柳州市", 5, 5, 0, 4_180_000),
            new City("03", "桂林市", 6, 9, 2, 4_930_000), new City("04", "梧州市", 3, 3, 1, 2_800_000),
            new City("05", "北海市", 3, 1, 0, 1_880_000), new City("06", "防城港市", 2, 1, 1, 1_060_000),
            new City("07", "钦州市", 2, 2, 0, 3_310_000), new City("08", "贵港市", 3, 1, 1, 4_330_000),
            new City("09", "玉林市", 2, 4, 1, 5_790_000), new City("10", "百色市", 2, 8, 2, 3_590_000),
            new City("11", "贺州市", 2, 3, 0, 2_010_000), new City("12", "河池市", 2, 8, 1, 3_420_000),
            new City("13", "来宾市", 1, 4, 1, 2_080_000), new City("14", "崇左市", 1, 5, 1, 2_090_000));

    private static final String[][] YULIN = {{"450902", "玉州区", "市辖区"}, {"450903", "福绵区", "市辖区"},
        {"450921", "容县", "县"}, {"450922", "陆川县", "县"}, {"450923", "博白县", "县"}, {"450924", "兴业县", "县"},
        {"450981", "北流市", "县级市"}};
    /** Towns of 玉州区 and 容县 the tests and examples name; the rest are invented. */
    private static final String[] YUZHOU_TOWNS = {"仁东镇", "仁厚镇", "大塘镇", "茂林镇"};
    private static final String[] RONG_TOWNS = {"容州镇", "杨梅镇", "灵山镇", "六王镇", "黎村镇", "杨村镇", "县底镇",
        "自良镇", "松山镇", "罗江镇", "石头镇", "石寨镇", "十里镇", "浪水镇"};

    private static final String SYLLABLES = "安平宁武宾阳南北东西江山林川田德靖凌乐业融水龙胜资源恭城富昭蒙岑溪藤苍合浦灵上思"
            + "横兴陆博白流容隆那坡凤都天峨环巴马罗城忻象金秀扶绥宜州鹿寨柳桂临全灌永福荔浦钟鸿秀峰叠彩七星雁象港"
            + "覃塘钦良庆邕青沙河新华长和丰泰康盛利民丹桥石岭塘头坪岗湾洞桐竹梅兰松柏杨";
    private static final String[] SURNAMES = {"黄", "韦", "李", "陆", "莫", "梁", "覃", "蒙", "陈", "廖", "农", "罗"};

    private final SplittableRandom random;
    private final List<DivisionCsv.Line> divisions = new ArrayList<>();
    private final List<InstitutionCsv.Line> institutions = new ArrayList<>();
    private final Set<String> countyNames = new HashSet<>();
    private int serial;

    private DemoProvince(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Generates the province for {@code seed}. */
    public static Data generate(long seed) {
        return new DemoProvince(seed).build();
    }

    /** Writes {@value #DIVISIONS_FILE} and {@value #INSTITUTIONS_FILE} (UTF-8) into {@code directory}. */
    public static Written write(Path directory, long seed) throws IOException {
        Data data = generate(seed);
        Files.createDirectories(directory);
        Path d = Files.writeString(directory.resolve(DIVISIONS_FILE), data.divisionsCsv(), StandardCharsets.UTF_8);
        Path i = Files.writeString(directory.resolve(INSTITUTIONS_FILE), data.institutionsCsv(), StandardCharsets.UTF_8);
        return new Written(d, i, data.divisions().size(), data.institutions().size());
    }

    /** {@code DemoProvince [directory] [seed]}: writes the two CSV files and prints their row counts. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "demo-province");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        Written out = write(dir, seed);
        System.out.printf("%s: %d divisions%n%s: %d institutions%n", out.divisions(), out.divisionRows(),
                out.institutions(), out.institutionRows());
    }

    private Data build() {
        long provinceResidents = CITIES.stream().mapToLong(City::residents).sum();
        divisions.add(line(PROVINCE, "广西壮族自治区", "自治区", provinceResidents, true));
        for (City c : CITIES) {
            String cityCode = PROVINCE + c.suffix();
            divisions.add(line(cityCode, c.name(), "地级市", c.residents(), true));
            List<String[]> counties = c.suffix().equals("09") ? List.of(YULIN) : inventCounties(cityCode, c);
            long[] shares = split(c.residents(), counties.size(), 0.5);
            for (int k = 0; k < counties.size(); k++) {
                String[] county = counties.get(k);
                divisions.add(line(county[0], county[1], county[2], shares[k], true));
                county(county[0], county[1], county[2], shares[k]);
            }
        }
        return new Data(List.copyOf(divisions), List.copyOf(institutions));
    }

    private List<String[]> inventCounties(String cityCode, City c) {
        List<String[]> counties = new ArrayList<>();
        for (int k = 0; k < c.districts(); k++) {
            counties.add(new String[] {cityCode + String.format("%02d", k + 2), uniqueCountyName("区"), "市辖区"});
        }
        for (int k = 0; k < c.counties(); k++) {
            boolean autonomous = random.nextInt(5) == 0;
            String name = autonomous ? uniqueCountyName(random.nextBoolean() ? "瑶族自治县" : "各族自治县")
                    : uniqueCountyName("县");
            counties.add(new String[] {cityCode + String.format("%02d", k + 21), name, autonomous ? "自治县" : "县"});
        }
        for (int k = 0; k < c.cityCounties(); k++) {
            counties.add(new String[] {cityCode + String.format("%02d", k + 81), uniqueCountyName("市"), "县级市"});
        }
        return counties;
    }

    private void county(String code, String name, String label, long residents) {
        boolean district = label.equals("市辖区");
        int streets = district ? 3 + random.nextInt(5) : random.nextInt(2);
        int towns = (district ? 3 : 7) + random.nextInt(district ? 4 : 7);
        int xiang = district ? 0 : random.nextInt(4);
        boolean ethnicRegion = code.startsWith("4510") || code.startsWith("4512") || code.startsWith("4514");
        long[] shares = split(residents, streets + towns + xiang, 0.6);
        int s = 0;
        countyHospitals(code, name, label, ethnicRegion);
        List<String> used = new ArrayList<>();
        for (int k = 0; k < streets; k++) {
            String t = code + String.format("%03d", k + 1);
            String tn = uniqueLocal(used, "街道");
            divisions.add(line(t, tn, "街道", shares[s++], false));
            street(t, name + tn);
        }
        String[] known = code.equals("450902") ? YUZHOU_TOWNS : code.equals("450921") ? RONG_TOWNS : new String[0];
        for (int k = 0; k < towns; k++) {
            String t = code + String.format("%03d", 100 + k);
            String tn = k < known.length ? known[k] : uniqueLocal(used, "镇");
            used.add(tn);
            divisions.add(line(t, tn, "镇", shares[s++], false));
            township(t, name + tn);
        }
        for (int k = 0; k < xiang; k++) {
            String t = code + String.format("%03d", 200 + k);
            boolean minority = ethnicRegion && random.nextInt(3) == 0;
            String tn = uniqueLocal(used, minority ? "瑶族乡" : "乡");
            divisions.add(line(t, tn, minority ? "民族乡" : "乡", shares[s++], false));
            township(t, name + tn);
        }
        for (int k = random.nextInt(4); k > 0; k--) {
            String at = random.nextBoolean() ? code : divisions.get(divisions.size() - 1 - random.nextInt(towns)).code();
            boolean ethnic = ethnicRegion && random.nextInt(4) == 0;
            String clinic = SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "氏" : "")
                    + (ethnic ? "壮医诊所" : random.nextInt(4) == 0 ? "中医门诊部" : "中医诊所");
            add(at, name + clinic, InstitutionType.TCM_CLINIC, "92", Ownership.PRIVATE, null,
                    ethnic ? EthnicMedicine.ZHUANG : null, date(1995, 2023), 0.03);
        }
    }

    private void countyHospitals(String code, String name, String label, boolean ethnicRegion) {
        {
            EthnicMedicine ethnic = ethnicRegion && random.nextInt(3) == 0 ? EthnicMedicine.ZHUANG
                    : label.equals("自治县") && name.contains("瑶") ? EthnicMedicine.YAO : null;
            String hospital = ethnic == EthnicMedicine.ZHUANG ? "壮医医院" : ethnic == EthnicMedicine.YAO ? "瑶医医院"
                    : random.nextInt(6) == 0 ? "中西医结合医院" : "中医医院";
            add(code, name + hospital, InstitutionType.COUNTY_TCM_HOSPITAL, "12", Ownership.PUBLIC,
                    pick(HospitalGrade.GRADE_2A, HospitalGrade.GRADE_2A, HospitalGrade.GRADE_2A, HospitalGrade.GRADE_2B,
                            HospitalGrade.GRADE_2, HospitalGrade.GRADE_3A, HospitalGrade.GRADE_3), ethnic, date(1950, 1990), 0);
        }
        add(code, name + "人民医院", InstitutionType.COUNTY_GENERAL_HOSPITAL, "12", Ownership.PUBLIC,
                pick(HospitalGrade.GRADE_2A, HospitalGrade.GRADE_3B, HospitalGrade.GRADE_3A), null, date(1945, 1980), 0);
        add(code, name + "妇幼保健院", InstitutionType.COUNTY_MCH_HOSPITAL, "12", Ownership.PUBLIC,
                pick(HospitalGrade.GRADE_2A, HospitalGrade.GRADE_2B, HospitalGrade.GRADE_2), null, date(1952, 1995), 0);
    }

    private void street(String code, String fullName) {
        add(code, fullName + "社区卫生服务中心", InstitutionType.CHSC, "12", Ownership.PUBLIC, null, null, date(2005, 2018), 0);
        List<String> used = new ArrayList<>();
        for (int k = 3 + random.nextInt(6); k > 0; k--) {
            add(code, fullName + uniqueLocal(used, "社区") + "卫生服务站", InstitutionType.CHSS, "12",
                    random.nextInt(5) == 0 ? Ownership.PRIVATE : Ownership.PUBLIC, null, null, date(2008, 2021), 0.01);
        }
    }

    private void township(String code, String fullName) {
        add(code, fullName + "卫生院", InstitutionType.THC, "12", Ownership.PUBLIC,
                pick(HospitalGrade.GRADE_1A, HospitalGrade.GRADE_1B, HospitalGrade.GRADE_1, null, null), null,
                date(1952, 1985), 0);
        List<String> used = new ArrayList<>();
        for (int k = 13 + random.nextInt(14); k > 0; k--) {
            add(code, fullName + uniqueLocal(used, "村") + "卫生室", InstitutionType.VILLAGE_CLINIC, null,
                    random.nextInt(3) == 0 ? Ownership.PRIVATE : Ownership.PUBLIC, null, null, date(1970, 2021), 0.015);
        }
    }

    /**
     * @param usccPrefix registration authority and organisation type (12 = public institution,
     *                   92 = individual business); {@code null}: registration number only, as many village clinics
     */
    private void add(String division, String name, InstitutionType type, String usccPrefix, Ownership ownership,
            HospitalGrade grade, EthnicMedicine ethnic, LocalDate opened, double closedShare) {
        int n = ++serial;
        String county = division.substring(0, 6);
        String uscc = usccPrefix == null && random.nextInt(2) == 0 ? null : uscc(usccPrefix == null ? "52" : usccPrefix, county, n);
        String registration = String.format("PDY%06d%s%02d%s1001", n, county, type.ordinal() + 10, "A");
        LocalDate closed = random.nextDouble() < closedShare ? date(Math.max(opened.getYear() + 1, 2019), 2025) : null;
        institutions.add(new InstitutionCsv.Line(null, new InstitutionDraft(name, type, division, uscc, registration,
                ownership, grade, ethnic, opened, closed)));
    }

    /** GB 32100 layout: authority+type (2), area (6), GB 11714 organisation code (8 + check), check character. */
    static String uscc(String prefix, String county, int serial) {
        String body = String.format("%08d", 45_000_000 + serial);
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        int c = 11 - sum % 11;
        String org = body + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
        String first17 = prefix + county + org;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private DivisionCsv.Line line(String code, String name, String label, long residents, boolean twoYears) {
        SortedMap<Integer, Long> population = new TreeMap<>();
        if (twoYears) {
            population.put(2023, Math.round(residents * (0.985 + random.nextDouble() * 0.02)));
        }
        population.put(2024, residents);
        return new DivisionCsv.Line(code, name, label, population);
    }

    /** {@code total} split in {@code parts} shares that vary by up to {@code spread} around the mean. */
    private long[] split(long total, int parts, double spread) {
        double[] w = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            w[i] = 1 - spread + 2 * spread * random.nextDouble();
            sum += w[i];
        }
        long[] shares = new long[parts];
        long given = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = i == parts - 1 ? total - given : Math.round(total * w[i] / sum / 100) * 100;
            given += shares[i];
        }
        return shares;
    }

    private String uniqueCountyName(String suffix) {
        String name;
        do {
            name = twoSyllables() + suffix;
        } while (!countyNames.add(name));
        return name;
    }

    private String uniqueLocal(List<String> used, String suffix) {
        String name;
        do {
            name = twoSyllables() + suffix;
        } while (used.contains(name));
        used.add(name);
        return name;
    }

    private String twoSyllables() {
        char a = SYLLABLES.charAt(random.nextInt(SYLLABLES.length()));
        char b;
        do {
            b = SYLLABLES.charAt(random.nextInt(SYLLABLES.length()));
        } while (b == a);
        return "" + a + b;
    }

    private LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(fromYear + random.nextInt(toYear - fromYear + 1), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
