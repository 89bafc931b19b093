package org.tcmeval.registry;

/** Level of an administrative division, told apart by the length of its code. */
public enum DivisionLevel {
    /** 省级 (province, autonomous region, municipality): 2 digits, e.g. 45. */
    PROVINCE(2),
    /** 地级 (city, prefecture, league 盟): 4 digits, e.g. 4509. */
    CITY(4),
    /** 县级 (county, district, banner 旗, county-level city): 6 digits, e.g. 450902. */
    COUNTY(6),
    /** 乡级 (township, town, street, sumu 苏木): 9-digit statistical code, e.g. 450902100. */
    TOWNSHIP(9);

    private final int codeLength;

    DivisionLevel(int codeLength) {
        this.codeLength = codeLength;
    }

    public int codeLength() {
        return codeLength;
    }

    /** The level of a code of this length, or {@code null} when no level has that length. */
    public static DivisionLevel ofLength(int length) {
        for (DivisionLevel l : values()) {
            if (l.codeLength == length) {
                return l;
            }
        }
        return null;
    }
}
