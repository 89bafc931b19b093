package org.tcmeval.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportSubmittedKeyTest {

    @Test
    void aReportIsKeyedByItsCountySoOneCountysReportsShareAPartition() {
        // A township (9 digits) and a village (12 digits) of 玉州区 (450902) both key as the county.
        assertThat(ReportSubmitted.partitionKey("450902100")).isEqualTo("450902");
        assertThat(ReportSubmitted.partitionKey("450902100201")).isEqualTo("450902");
        // A county's, a city's and a province's own reports key as themselves.
        assertThat(ReportSubmitted.partitionKey("450902")).isEqualTo("450902");
        assertThat(ReportSubmitted.partitionKey("4509")).isEqualTo("4509");
        assertThat(ReportSubmitted.partitionKey("45")).isEqualTo("45");
    }
}
