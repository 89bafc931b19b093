package org.tcmeval.evaluation.mapping;

import org.tcmeval.events.EventJson;
import org.tcmeval.events.EventTypes;
import org.tcmeval.events.ReportSubmitted;

/**
 * A record of evaluation's input channel as the consumer's polling thread read it: the JSON as sent,
 * its CloudEvents type and, for a report, the report event (报表提交) already read. Reading there
 * rather than on the event loop that applies a poll lets the next poll be read while this one's
 * statements run: reading ~750 events was about a sixth of the loop's time per poll of a burst.
 *
 * @param json   the record's value as sent (what a dead letter keeps)
 * @param type   the event's type, or null when it could not be read here
 * @param report the report event, or null when this is another event or it could not be read here
 */
public record EvaluationInput(String json, String type, ReportSubmitted report) {

    /**
     * Reads what it can; a value it cannot read is kept as it came, and read again where a failure
     * counts (applying the poll), so such a record still ends as a dead letter with the reader's error.
     */
    public static EvaluationInput read(String json) {
        if (json == null) {
            return new EvaluationInput(null, null, null);
        }
        try {
            String type = EventJson.typeOf(json);
            ReportSubmitted report = EventTypes.REPORT_SUBMITTED.equals(type)
                    ? EventJson.read(json, ReportSubmitted.class).data() : null;
            return new EvaluationInput(json, type, report);
        } catch (RuntimeException unreadable) {
            return new EvaluationInput(json, null, null);
        }
    }
}
