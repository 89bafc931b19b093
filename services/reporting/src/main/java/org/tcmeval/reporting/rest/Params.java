package org.tcmeval.reporting.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.tcmeval.support.problem.ProblemException;

/** Query parameters parsed here, so a bad value is a 400 naming the parameter rather than a bare 404. */
final class Params {

    private Params() {
    }

    /** Repeated ({@code status=A&status=B}) or comma-separated ({@code status=A,B}) enum values. */
    static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values == null) {
            return result;
        }
        for (String v : values) {
            for (String part : v.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    result.add(Enum.valueOf(type, p));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(name, "one-of", name + " must be one of "
                            + Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        return result;
    }
}
