package org.tcmeval.registry;

/**
 * GB/T 2260 division codes (行政区划代码) extended with the 9-digit statistical township code. A
 * code's prefix is its ancestry: the parent is the code without its last level.
 */
public final class DivisionCodes {

    private DivisionCodes() {
    }

    /** Why {@code code} is not a division code, or {@code null} when it is one. */
    public static String problem(String code) {
        if (code == null || code.isBlank()) {
            return "is required";
        }
        if (!code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
            return "'" + code + "' must be 2 (province), 4 (city), 6 (county) or 9 (township) digits";
        }
        if (code.startsWith("0")) {
            return "'" + code + "': province codes run from 11 to 82";
        }
        // An all-zero last level is the padded form of the parent (450900 is 4509), not a division of its own.
        return switch (code.length()) {
            case 4 -> code.endsWith("00") ? "'" + code + "': a city part of 00 is the province; use " + code.substring(0, 2) : null;
            case 6 -> code.endsWith("00") ? "'" + code + "': a county part of 00 is the city; use " + code.substring(0, 4) : null;
            case 9 -> code.endsWith("000") ? "'" + code + "': a township part of 000 is the county; use " + code.substring(0, 6) : null;
            default -> null;
        };
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** Level of a valid code. */
    public static DivisionLevel level(String code) {
        return DivisionLevel.ofLength(code.length());
    }

    /** Parent of a valid code: the city of a county, the province of a city; {@code null} for a province. */
    public static String parentOf(String code) {
        return switch (code.length()) {
            case 4 -> code.substring(0, 2);
            case 6 -> code.substring(0, 4);
            case 9 -> code.substring(0, 6);
            default -> null;
        };
    }
}
