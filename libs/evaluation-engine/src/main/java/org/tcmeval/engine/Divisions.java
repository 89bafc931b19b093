package org.tcmeval.engine;

import java.util.List;

/**
 * Division codes (行政区划代码, GB/T 2260) as the roll-up reads them: 2 digits province, 4 city,
 * 6 county, each code's prefix its ancestry, so a county's chain needs no lookup.
 */
public final class Divisions {

    private Divisions() {
    }

    /** The divisions a county's sums roll into: the county, its city, its province. */
    /** Compiled once: the chain is asked for every unit of every batch. */
    private static final java.util.regex.Pattern COUNTY = java.util.regex.Pattern.compile("\\d{6}");

    public static List<String> rollUpChain(String countyCode) {
        if (countyCode == null || !COUNTY.matcher(countyCode).matches()) {
            throw new IllegalArgumentException("countyCode: '" + countyCode + "' is not a 6-digit county code");
        }
        return List.of(countyCode, countyCode.substring(0, 4), countyCode.substring(0, 2));
    }

    /** Whether the code is a county's (6 digits). */
    public static boolean isCounty(String divisionCode) {
        return divisionCode.length() == 6;
    }
}
