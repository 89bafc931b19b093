package org.tcmeval.reporting.technique;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tcmeval.support.problem.Problem.FieldError;

/**
 * Plain-Java rule for the technique items a report lists: each entry must be an active item of the
 * technique list in force for the report's division, listed once; the number of classes (类) and
 * items (项) is derived from the valid entries. No I/O: {@link TechniqueDirectory} looks the codes up
 * and hands them here.
 */
public final class TechniqueItemRule {

    /** Longest list a report may carry; the catalogue has ten classes of a few dozen items at most. */
    public static final int MAX_ITEMS = 200;
    /** Longest code worth looking up; catalogue codes are far shorter. */
    static final int MAX_CODE_LENGTH = 100;
    public static final String FIELD = "techniqueItems";

    /**
     * An item of the list in force.
     *
     * @param retired left out of the list's latest version
     */
    public record Listed(String classCode, boolean retired) {
    }

    private TechniqueItemRule() {
    }

    /** Trimmed (Unicode white space too, e.g. a full-width space) and upper case; {@code null} for a blank entry. */
    public static String normalise(String code) {
        if (code == null) {
            return null;
        }
        String s = code.strip().toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** The distinct normalised codes worth looking up; none when the list is too long to be checked. */
    public static List<String> lookups(List<String> itemCodes) {
        if (itemCodes == null || itemCodes.size() > MAX_ITEMS) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : itemCodes) {
            String n = normalise(c);
            if (n != null && n.length() <= MAX_CODE_LENGTH) {
                codes.add(n);
            }
        }
        return List.copyOf(codes);
    }

    /**
     * @param itemCodes the entries as the reporter sent them ({@code null} = none)
     * @param listed the looked-up codes that the list in force knows, by normalised code
     * @param listName the list in force, for messages, e.g. {@code national list} or {@code official list of province 45}
     */
    public static TechniqueCheck check(List<String> itemCodes, Map<String, Listed> listed, String listName) {
        if (itemCodes == null || itemCodes.isEmpty()) {
            return new TechniqueCheck(List.of(), 0, 0, List.of());
        }
        if (itemCodes.size() > MAX_ITEMS) {
            return new TechniqueCheck(List.of(new FieldError(FIELD, "max-items", "at most " + MAX_ITEMS
                    + " technique items (" + itemCodes.size() + " listed)")), 0, 0, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstAt = new HashMap<>();
        Set<String> valid = new TreeSet<>();
        Set<String> classes = new TreeSet<>();
        for (int i = 0; i < itemCodes.size(); i++) {
            String code = normalise(itemCodes.get(i));
            if (code == null) {
                errors.add(new FieldError(field(i), "required", "entry " + i + " is empty; list technique item codes "
                        + "from the catalogue, e.g. ACUPUNCTURE_FILIFORM"));
                continue;
            }
            Integer earlier = firstAt.putIfAbsent(code, i);
            if (earlier != null) {
                errors.add(new FieldError(field(i), "distinct", code + " is already listed as " + FIELD + "[" + earlier
                        + "]; each item counts once"));
                continue;
            }
            Listed item = listed.get(code);
            if (item == null) {
                errors.add(new FieldError(field(i), "known-technique-item", "'" + shorten(itemCodes.get(i))
                        + "' is not an item of the technique list in force (" + listName + ")"));
            } else if (item.retired()) {
                errors.add(new FieldError(field(i), "active-technique-item", code + " is retired from the technique "
                        + "list in force (" + listName + "); it no longer counts"));
            } else {
                valid.add(code);
                classes.add(item.classCode());
            }
        }
        return new TechniqueCheck(errors, classes.size(), valid.size(), List.copyOf(valid));
    }

    /** Named only for an error: a bulk job lists ~300,000 valid items a province. */
    private static String field(int i) {
        return FIELD + "[" + i + "]";
    }

    private static String shorten(String s) {
        String t = s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }
}
