package org.tcmeval.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.RepeatedTest;

class KafkaBrokerTest {

    @RepeatedTest(500)
    void clusterIdsNeverLookLikeACommandLineOption() {
        // 1 in 64 random base64url ids starts with '-', which kafka-storage then reads as a flag.
        String id = KafkaBroker.clusterId();
        assertThat(id).hasSize(22).doesNotStartWith("-");
    }
}
