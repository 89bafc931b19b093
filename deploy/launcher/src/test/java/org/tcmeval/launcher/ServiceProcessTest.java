package org.tcmeval.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    /** A crash is restarted at once; a service that keeps dying young waits longer each time, up to 30 s. */
    @Test
    void backoffDoublesWhileAServiceKeepsCrashingYoung() {
        assertThat(ServiceProcess.backoff(0)).isZero();
        assertThat(ServiceProcess.backoff(1)).isZero();
        assertThat(ServiceProcess.backoff(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ServiceProcess.backoff(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ServiceProcess.backoff(6)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ServiceProcess.backoff(7)).isEqualTo(ServiceProcess.MAX_BACKOFF);
        assertThat(ServiceProcess.backoff(1000)).isEqualTo(ServiceProcess.MAX_BACKOFF);
    }
}
