package org.tcmeval.registry;

/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is a check
 * character computed per GB/T 17710 (ISO 7064 MOD 31-3) over an alphabet without I, O, S, V, Z.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Why {@code code} is not a valid USCC, or {@code null} when it is. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed; use 0-9 and upper-case "
                        + "letters except I, O, S, V, Z";
            }
        }
        if (!code.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return "characters 3-8 must be the 6-digit GB/T 2260 area code";
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but must be '" + expected + "'";
        }
        return null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
