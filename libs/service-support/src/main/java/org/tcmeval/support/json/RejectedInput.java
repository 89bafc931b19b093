package org.tcmeval.support.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that is well-formed but one the services refuse to read (see {@link StrictJson}); the
 * problem mapper answers 400 naming the field, this rule and this message.
 */
public class RejectedInput extends MismatchedInputException {

    private final String rule;
    private final String reason;

    public RejectedInput(JsonParser p, Class<?> targetType, String rule, String reason) {
        super(p, reason, targetType);
        this.rule = rule;
        this.reason = reason;
    }

    public String rule() {
        return rule;
    }

    /** Why, without the field name (the mapper prefixes the JSON path). */
    public String reason() {
        return reason;
    }
}
