package org.tcmeval.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a reporter enters on a form: figures by field name and the catalogue codes of the TCM
 * appropriate techniques (中医药适宜技术) performed to standard.
 */
public record ReportContent(Map<String, BigDecimal> figures, List<String> techniques) {

    /** @param techniques {@code null} when not listed (counts stay unreported), empty when none are performed */
    public ReportContent {
        figures = figures == null ? Map.of() : figures;
    }
}
