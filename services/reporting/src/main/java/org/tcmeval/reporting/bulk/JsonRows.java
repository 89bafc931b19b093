package org.tcmeval.reporting.bulk;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tcmeval.support.json.StrictJson;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.problem.Rules;

/**
 * The reports of a JSON upload ({@link ReportRows} describes the format), read one array element at
 * a time with the strict mapper's streaming parser rather than as one tree.
 */
final class JsonRows extends RowReader {

    /** Reads one report; the strict mapper's trailing-token rule would count the next report as trailing. */
    private static final ObjectReader ITEM = StrictJson.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonParser parser;
    private final boolean wrapped;
    private int row;

    /** Reads up to the first report; a body that is not JSON or has no {@code reports} array is a 400. */
    JsonRows(String text) {
        try {
            parser = StrictJson.MAPPER.createParser(text);
            JsonToken root = parser.nextToken();
            wrapped = root == JsonToken.START_OBJECT;
            if (wrapped) {
                while (parser.nextToken() == JsonToken.FIELD_NAME && !"reports".equals(parser.currentName())) {
                    parser.nextToken();
                    parser.skipChildren();
                }
                if (parser.currentToken() == JsonToken.FIELD_NAME) {
                    parser.nextToken();
                }
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw ProblemException.invalid("reports", "required",
                        "the body is {\"reports\": [ ... ]}, one object per report");
            }
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    @Override
    protected JobChunks.Entry read() {
        try {
            return nextItem() ? item(++row, ITEM.readTree(parser)) : null;
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    @Override
    protected boolean skip() {
        try {
            if (!nextItem()) {
                return false;
            }
            parser.skipChildren();
            return true;
        } catch (IOException e) {
            throw syntax(e);
        }
    }

    /** Moves to the next report; false (and the rest of the body checked) after the last. */
    private boolean nextItem() throws IOException {
        if (parser.nextToken() == JsonToken.END_ARRAY) {
            end();
            return false;
        }
        return true;
    }

    /** The rest of the body after the reports: the wrapper's other fields, then nothing. */
    private void end() throws IOException {
        if (wrapped) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                parser.nextToken();
                parser.skipChildren();
            }
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw ProblemException.invalid("body", "json-syntax", "the body is not valid JSON: trailing token ("
                    + trailing + ") after the reports at line " + parser.currentLocation().getLineNr());
        }
    }

    private static JobChunks.Entry item(int row, JsonNode item) {
        List<RowError> errors = new ArrayList<>();
        if (!item.isObject()) {
            errors.add(new RowError(row, "*", Rules.TYPE, "each report is a JSON object"));
            return RowReader.entry(row, null, errors);
        }
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        List<String> techniques = new ArrayList<>();
        var fields = item.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String name = f.getKey();
            JsonNode v = f.getValue();
            switch (name) {
                case ReportRows.INSTITUTION_ID, ReportRows.USCC, ReportRows.REGISTRATION_NUMBER, ReportRows.DIVISION_CODE,
                        ReportRows.PERIOD -> {
                    if (!v.isTextual() && !v.isNull()) {
                        errors.add(new RowError(row, name, "text", name + " must be a string"));
                    }
                }
                case "figures" -> figures(row, v, figures, errors);
                case ReportRows.TECHNIQUES -> {
                    if (!v.isArray()) {
                        errors.add(new RowError(row, ReportRows.TECHNIQUES, "array", "techniques is an array of item codes"));
                        break;
                    }
                    v.forEach(t -> techniques.add(t.asText()));
                }
                default -> errors.add(new RowError(row, ReportRows.abbreviate(name), "known-field", "unknown field '"
                        + ReportRows.abbreviate(name) + "'; a report has institutionId, uscc, registrationNumber or "
                        + "divisionCode, period, figures and techniques"));
            }
        }
        return RowReader.entry(row, errors.isEmpty() ? new BulkRow(row, text(item, ReportRows.INSTITUTION_ID),
                text(item, ReportRows.USCC), text(item, ReportRows.REGISTRATION_NUMBER),
                text(item, ReportRows.DIVISION_CODE), text(item, ReportRows.PERIOD), figures, techniques) : null, errors);
    }

    private static void figures(int row, JsonNode v, Map<String, BigDecimal> figures, List<RowError> errors) {
        if (!v.isObject()) {
            errors.add(new RowError(row, "figures", Rules.TYPE, "figures is an object of numbers"));
            return;
        }
        var it = v.fields();
        while (it.hasNext()) {
            var fig = it.next();
            if (fig.getValue().isNumber()) {
                figures.put(fig.getKey(), fig.getValue().decimalValue());
            } else if (fig.getValue().isNull()) {
                figures.put(fig.getKey(), null);
            } else {
                errors.add(new RowError(row, "figures." + ReportRows.abbreviate(fig.getKey()), "number",
                        fig.getKey() + " must be a number"));
            }
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() ? null : ReportRows.blankToNull(v.asText());
    }

    private static ProblemException syntax(IOException e) {
        if (e instanceof JsonParseException p) {
            return ProblemException.invalid("body", "json-syntax", "the body is not valid JSON: "
                    + p.getOriginalMessage() + " at line " + p.getLocation().getLineNr());
        }
        return ProblemException.invalid("body", "json-syntax", "the body is not valid JSON: " + e.getMessage());
    }
}
