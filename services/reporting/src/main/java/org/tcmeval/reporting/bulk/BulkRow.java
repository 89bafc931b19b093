package org.tcmeval.reporting.bulk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One report of a bulk upload as read from the file, before any rule is checked.
 *
 * @param row the row number errors name: spreadsheet row (header = 1) for CSV, 1-based index for JSON
 * @param institutionId, uscc, registrationNumber identify an institution reporter; divisionCode a division
 *        reporter. Exactly one is given.
 */
public record BulkRow(int row, String institutionId, String uscc, String registrationNumber, String divisionCode,
        String period, Map<String, BigDecimal> figures, List<String> techniques) {
}
