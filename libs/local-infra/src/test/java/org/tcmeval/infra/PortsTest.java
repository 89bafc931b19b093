package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    /**
     * A suite takes its ports before any server binds them, so two calls must never answer the same
     * port. 500 random picks from the ~12,800 ports below the ephemeral range would repeat one
     * about ten times over (500 * 499 / 2 / 12,768 = 9.8 expected pairs) without the memory of
     * ports handed out.
     */
    @Test
    void neverHandsOutAPortTwiceAndStaysBelowTheEphemeralRange() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int port = Ports.free();
            assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
            assertThat(port).isBetween(Ports.LOW, Ports.HIGH - 1);
        }
    }
}
