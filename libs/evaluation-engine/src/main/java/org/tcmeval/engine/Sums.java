package org.tcmeval.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A division's running sums (辖区累计) for one indicator under one unit filter, as the service keeps
 * them per (division, indicator, year, filter key). Changes are applied one contribution at a time;
 * mixing a contribution computed under another filter is refused, since its units are another set.
 */
public record Sums(String filterKey, Tally tally) {

    public Sums {
        Objects.requireNonNull(filterKey, "filterKey");
        Objects.requireNonNull(tally, "tally");
    }

    public static Sums empty(UnitFilter filter) {
        return new Sums(filter.key(), Tally.ZERO);
    }

    public Sums add(Contribution c) {
        return new Sums(filterKey, tally.plus(checked(c).tally()));
    }

    public Sums remove(Contribution c) {
        return new Sums(filterKey, tally.minus(checked(c).tally()));
    }

    /** A corrected report: the old contribution out, the new one in; either may be absent. */
    public Sums replace(Optional<Contribution> old, Optional<Contribution> now) {
        Sums s = this;
        if (old.isPresent()) {
            s = s.remove(old.get());
        }
        return now.isPresent() ? s.add(now.get()) : s;
    }

    private Contribution checked(Contribution c) {
        if (!filterKey.equals(c.filterKey())) {
            throw new IllegalArgumentException("filterKey: sums over '" + filterKey + "' cannot take a contribution"
                    + " computed over '" + c.filterKey() + "' (" + c.indicatorCode() + ")");
        }
        return c;
    }
}
