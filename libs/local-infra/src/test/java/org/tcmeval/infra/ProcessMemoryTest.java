package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benches' memory breakdown reads what jcmd prints (JDK 25's layout; 21's differs only in the heap's names). */
class ProcessMemoryTest {

    private static final String NMT = """
            Total: reserved=7742459KB, committed=484315KB
                   malloc: 18567KB #46912, peak=18630KB #45940

            -                 Java Heap (reserved=6172672KB, committed=393216KB)
                                        (mmap: reserved=6172672KB, committed=393216KB, at peak)

            -                     Class (reserved=1048773KB, committed=1413KB)
                                        (  Metadata:   )
                                        (    reserved=65536KB, committed=8256KB)
                                        (    used=8143KB)
                                        (  Class space:)
                                        (    reserved=1048576KB, committed=1216KB)

            -                    Thread (reserved=19518KB, committed=970KB)
                                        (threads #19)

            -        Shared class space (reserved=16384KB, committed=13908KB, readonly=0KB)
            """.replaceAll("(?m)^            ", "");

    @Test
    void nmtSummaryGivesCommittedByCategoryMetaspaceAndThreadCount() {
        Map<String, Long> kb = ProcessMemory.nmtCommittedKb(NMT);
        assertThat(kb).containsExactly(Map.entry("Total", 484315L), Map.entry("Java Heap", 393216L),
                Map.entry("Class", 1413L), Map.entry("Thread", 970L),
                Map.entry("Shared class space", 13908L), Map.entry("metaspace", 8256L),
                Map.entry("class space", 1216L), Map.entry("threads", 19L));
    }

    @Test
    void serialHeapInfoSumsBothGenerationsOnJdk21And25() {
        String jdk25 = """
                DefNew     total 19648K, used 7353K [0x00000000fc000000, 0x00000000fd550000, 0x00000000fd550000)
                 eden space 17472K,  29% used [0x00000000fc000000, 0x00000000fc50e448, 0x00000000fd110000)
                Tenured    total 43712K, used 2384K [0x00000000fd550000, 0x0000000100000000, 0x0000000100000000)
                """;
        String jdk21 = """
                 def new generation   total 19648K, used 7353K [0x00000000fc000000, 0x00000000fd550000)
                 tenured generation   total 43712K, used 2384K [0x00000000fd550000, 0x0000000100000000)
                """;
        assertThat(ProcessMemory.serialHeapKb(jdk25)).containsExactly(63360L, 9737L);
        assertThat(ProcessMemory.serialHeapKb(jdk21)).containsExactly(63360L, 9737L);
    }

    @Test
    void nmtOffGivesNothing() {
        assertThat(ProcessMemory.nmtCommittedKb("Native memory tracking is not enabled")).isEmpty();
    }
}
