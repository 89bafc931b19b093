package org.tcmeval.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tcmeval.reporting.ReportAction.APPROVE;
import static org.tcmeval.reporting.ReportAction.RETURN;
import static org.tcmeval.reporting.ReportAction.SAVE_DRAFT;
import static org.tcmeval.reporting.ReportAction.SUBMIT;
import static org.tcmeval.reporting.ReportStatus.APPROVED;
import static org.tcmeval.reporting.ReportStatus.DRAFT;
import static org.tcmeval.reporting.ReportStatus.RETURNED;
import static org.tcmeval.reporting.ReportStatus.SUBMITTED;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportWorkflowTest {

    @Test
    void theWholeCycle() {
        // new -> draft -> submitted -> returned -> corrected -> approved -> corrected again -> back to review
        assertThat(ReportWorkflow.next(null, SAVE_DRAFT)).contains(DRAFT);
        assertThat(ReportWorkflow.next(DRAFT, SAVE_DRAFT)).contains(DRAFT);
        assertThat(ReportWorkflow.next(DRAFT, SUBMIT)).contains(SUBMITTED);
        assertThat(ReportWorkflow.next(SUBMITTED, RETURN)).contains(RETURNED);
        assertThat(ReportWorkflow.next(RETURNED, SUBMIT)).contains(SUBMITTED);
        assertThat(ReportWorkflow.next(SUBMITTED, APPROVE)).contains(APPROVED);
        assertThat(ReportWorkflow.next(APPROVED, SUBMIT)).contains(SUBMITTED);
        assertThat(ReportWorkflow.next(null, SUBMIT)).contains(SUBMITTED);
    }

    @Test
    void illegalTransitionsAreRefused() {
        assertThat(ReportWorkflow.next(null, APPROVE)).isEmpty();
        assertThat(ReportWorkflow.next(DRAFT, APPROVE)).isEmpty();
        assertThat(ReportWorkflow.next(DRAFT, RETURN)).isEmpty();
        assertThat(ReportWorkflow.next(SUBMITTED, SAVE_DRAFT)).isEmpty();
        assertThat(ReportWorkflow.next(APPROVED, APPROVE)).isEmpty();
        assertThat(ReportWorkflow.next(APPROVED, RETURN)).isEmpty();
        assertThat(ReportWorkflow.next(RETURNED, RETURN)).isEmpty();
        assertThat(ReportWorkflow.next(RETURNED, APPROVE)).isEmpty();
        assertThat(ReportWorkflow.next(RETURNED, SAVE_DRAFT)).isEqualTo(Optional.empty());
    }

    @Test
    void onlyFiguresMakeVersions() {
        assertThat(ReportWorkflow.addsVersion(SUBMIT)).isTrue();
        assertThat(ReportWorkflow.addsVersion(SAVE_DRAFT)).isTrue();
        assertThat(ReportWorkflow.addsVersion(APPROVE)).isFalse();
        assertThat(ReportWorkflow.addsVersion(RETURN)).isFalse();
    }
}
