package org.tcmeval.registry;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered institution ids (UUID version 7, RFC 9562). New ids sort after existing ones, so
 * paging in id order meets concurrent inserts only at its end, and a bulk import appends to the
 * primary-key index instead of scattering writes across it.
 */
public final class InstitutionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long counter;

    private InstitutionIds() {
    }

    /** Strictly increasing within this JVM: a 12-bit counter orders ids minted in the same millisecond. */
    public static synchronized UUID next() {
        long now = System.currentTimeMillis();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > 0xFFF) {
            // Borrow the next millisecond rather than repeat or reorder; the clock catches up at once.
            lastMillis++;
            counter = 0;
        }
        long msb = (lastMillis << 16) | 0x7000L | counter;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
