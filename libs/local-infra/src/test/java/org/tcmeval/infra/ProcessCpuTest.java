package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** /proc/pid/stat is read after the command name, which may hold spaces and parentheses. */
class ProcessCpuTest {

    @Test
    void ticksAreUtimeStimeCutimeCstimeAfterTheCommandName() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12000 0 3 0 1234 567 89 10 20 0 40 0 100 0"
                + " 300000000 50000 18446744073709551615\n";
        assertThat(ProcessCpu.ticks(stat)).containsExactly(1234L, 567L, 89L, 10L);
    }

    @Test
    void thisJvmHasSpentSomeCpu() throws Exception {
        assertThat(ProcessCpu.seconds(ProcessHandle.current().pid())).isPositive();
        assertThat(ProcessCpu.withChildrenSeconds(ProcessHandle.current().pid()))
                .isGreaterThanOrEqualTo(ProcessCpu.seconds(ProcessHandle.current().pid()) - 0.5);
    }
}
