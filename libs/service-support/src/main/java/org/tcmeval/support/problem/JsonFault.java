package org.tcmeval.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.tcmeval.support.json.RejectedInput;
import org.tcmeval.support.text.Inputs;

/**
 * Why Jackson could not read a body, as a rule and a message of our own: Jackson's messages name
 * Java classes ({@code java.lang.String}) and quote the input at any length, neither of which a
 * client should see.
 */
record JsonFault(String rule, String message) {

    static JsonFault of(JsonProcessingException e, String field) {
        Throwable root = e;
        while (root.getCause() instanceof JsonProcessingException cause && cause != root) {
            root = cause;
        }
        if (e instanceof RejectedInput r) {
            return new JsonFault(r.rule(), field + ": " + r.reason());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new JsonFault("unknown-field", "unknown field '" + Inputs.quote(u.getPropertyName()) + "'");
        }
        if (root instanceof StreamConstraintsException) {
            return new JsonFault("limit", "the body exceeds a limit of this service (numbers of at most 100 "
                    + "characters, strings of at most 1,000,000, nesting at most 64 deep)");
        }
        if (root instanceof InputCoercionException c) {
            return new JsonFault("range", field + " must be " + expected(c.getTargetType()) + " within its range");
        }
        if (e instanceof InvalidFormatException f) {
            return new JsonFault(f.getTargetType() != null && f.getTargetType().isEnum() ? Rules.ONE_OF : Rules.TYPE, field + " must be " + expected(f.getTargetType()) + ", not "
                    + Inputs.quote(f.getValue()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new JsonFault(Rules.TYPE, field + " must be " + expected(m.getTargetType()));
        }
        if (e instanceof InvalidDefinitionException) {
            return new JsonFault("json-syntax", "the body cannot be read as this endpoint's request (e.g. a key is given "
                    + "twice)");
        }
        String original = root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
        String rule = original != null && original.startsWith("Duplicate field") ? "duplicate-key" : "json-syntax";
        return new JsonFault(rule, withoutClassNames(Inputs.abbreviate(String.valueOf(original), 200)));
    }

    /** What a value of this Java type looks like in JSON, in the client's terms. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "an id (UUID)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601 form, e.g. 2024-01-31";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of another type";
    }

    /** {@code `java.lang.String`} becomes {@code String}; a parser message never needs the package. */
    static String withoutClassNames(String message) {
        return message.replaceAll("`(?:[a-zA-Z_$][\\w$]*\\.)+([\\w$\\[\\]<>]+)`", "$1")
                .replaceAll("(?:[a-z_$][\\w$]*\\.){2,}([A-Z][\\w$]*)", "$1");
    }
}
