package org.tcmeval.evaluation.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who is supervised (督导抽查) from one list of candidates: a share of 1 takes every unit; a smaller
 * share takes ⌈share · n⌉ units (rounded up, so 60% of 5 is 3 and 60% of 7 is 5), the units with the
 * most gaps first and the remaining places by a seeded draw. Plain Java, identical on every JVM:
 *
 * <ol>
 *   <li>every candidate gets a draw number, the SplitMix64 output for the state
 *       {@code seed XOR FNV-1a-64(UTF-8 bytes of its id)} (64-bit arithmetic written out below, no
 *       library generator whose algorithm could change);</li>
 *   <li>candidates are ranked by gaps (most first), then by draw number (unsigned, lowest first), then id;</li>
 *   <li>the first quota of the ranking are chosen: WORST_GAP when they have a gap, DRAWN otherwise.</li>
 * </ol>
 * A draw number depends only on the seed and the unit, so a unit added to the registry does not
 * reshuffle the others.
 */
public final class SupervisionDraw {

    /** Largest integer a JSON number holds exactly in every client (2^53 − 1): seeds stay below it. */
    public static final long MAX_SEED = (1L << 53) - 1;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private SupervisionDraw() {
    }

    /** Why a unit is in the plan. */
    @Schema(name = "SupervisionReason")
    public enum Reason {
        /** The level is supervised in full (share 1). */
        ALL_REQUIRED,
        /** It has gaps, and took a place before any unit with fewer. */
        WORST_GAP,
        /** No gap known; its draw number was among the lowest of the rest. */
        DRAWN
    }

    /** A unit that may be chosen, with its gap count (what "worst" means for its level) and what was judged. */
    public record Candidate(String id, int gaps, int judged) {
        public Candidate {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A chosen unit. {@code tieBrokenByDraw}: it shares its gap count with a unit left out, so the
     * draw decided between them.
     */
    public record Pick(Candidate candidate, int rank, Reason reason, long drawNumber, boolean tieBrokenByDraw) {

        /** The draw number as 16 hex digits, as the plan shows it. */
        public String drawHex() {
            return String.format("%016x", drawNumber);
        }

        public Key key() {
            return new Key(candidate.gaps(), drawNumber, candidate.id());
        }
    }

    /** The chosen units in rank order and how the places were filled. */
    public record Draw(BigDecimal share, int candidates, int quota, int worstGapPlaces, int drawnPlaces, List<Pick> chosen) {
    }

    /** ⌈share · n⌉, computed exactly; share must lie in [0, 1]. */
    public static int quota(BigDecimal share, int n) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("share: " + share.toPlainString() + " is not between 0 and 1");
        }
        return share.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The seed used when none is given: FNV-1a-64 of {@code "<division>:<year>"}, cut to {@link #MAX_SEED}. */
    public static long defaultSeed(String division, int year) {
        return fnv1a64(division + ":" + year) & MAX_SEED;
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes. */
    public static long fnv1a64(String s) {
        long h = FNV_OFFSET;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** SplitMix64's first output from state {@code seed XOR FNV-1a-64(id)}. */
    public static long drawNumber(long seed, String id) {
        long z = (seed ^ fnv1a64(id)) + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A unit's place in the ranking: its gaps, its draw number and its id. */
    public record Key(int gaps, long draw, String id) {
    }

    /**
     * The ranking: most gaps first, then the lowest draw number (unsigned), then the id; a level
     * supervised in full makes no draw and is listed most gaps first, then by id.
     */
    public static Comparator<Key> order(boolean all) {
        Comparator<Key> worst = Comparator.comparingInt(k -> -k.gaps());
        return all ? worst.thenComparing(Key::id)
                : worst.thenComparing(Key::draw, Long::compareUnsigned).thenComparing(Key::id);
    }

    public static Draw draw(List<Candidate> candidates, BigDecimal share, long seed) {
        int n = candidates.size();
        int quota = quota(share, n);
        boolean all = share.compareTo(BigDecimal.ONE) == 0;
        record Ranked(Candidate c, Key key) {
        }
        List<Ranked> ranked = new ArrayList<>(candidates.stream()
                .map(c -> new Ranked(c, new Key(c.gaps(), drawNumber(seed, c.id()), c.id()))).toList());
        ranked.sort(Comparator.comparing(Ranked::key, order(all)));
        List<Pick> chosen = new ArrayList<>();
        int worst = 0;
        for (int i = 0; i < quota; i++) {
            Ranked r = ranked.get(i);
            Reason reason = all ? Reason.ALL_REQUIRED : r.c().gaps() > 0 ? Reason.WORST_GAP : Reason.DRAWN;
            boolean tie = reason == Reason.WORST_GAP && quota < n && ranked.get(quota).c().gaps() == r.c().gaps();
            worst += reason == Reason.WORST_GAP ? 1 : 0;
            chosen.add(new Pick(r.c(), i + 1, reason, r.key().draw(), tie));
        }
        return new Draw(share, n, quota, worst, all ? 0 : quota - worst, List.copyOf(chosen));
    }
}
