package org.tcmeval.support.json;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.tcmeval.events.Json;
import org.tcmeval.support.text.Inputs;

/**
 * The intake rules of every service's request bodies, on top of the suite's one JSON configuration
 * ({@link Json}: dates, decimals): a value is read as the client wrote it or refused with a 400
 * naming the field, never coerced, truncated, dropped or stored half-readable.
 * <ul>
 *   <li>an unknown property is an error (rule {@code unknown-field}): a misspelt figure silently
 *       dropped would be a figure lost;</li>
 *   <li>no coercions: {@code true} or {@code 12} is not a string, {@code "12"} is not a number,
 *       {@code 12.5} is not a whole number, {@code 2} is not an enum constant;</li>
 *   <li>a duplicate key is an error, not "the last one wins";</li>
 *   <li>strings without NUL (PostgreSQL refuses it) or lone surrogates (no UTF-8 form);</li>
 *   <li>numbers bounded before anything renders or stores them: at most {@value #MAX_NUMBER_LENGTH}
 *       characters, finite, and within 10^±{@value #MAX_MAGNITUDE} (so {@code 1E+1000000},
 *       which is short but prints as a million digits, is refused).</li>
 *   <li>no {@code null} element in an array read as a List/Set/Collection ({@code "targets":[null]}
 *       reached resources as a null element and failed there as a 500, found by OpenApiFuzzer).
 *       Map values may still be null: figures use {@code null} with a meaning of their own.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_MAGNITUDE = 64;
    static final int MAX_NESTING = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** A mapper with these rules, for bodies read outside JAX-RS (a bulk upload's JSON). */
    public static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** Applies the configuration; plain Java, so the rules are tested without Quarkus. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        Json.configure(mapper);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (Class<?> collection : new Class<?>[] {List.class, Set.class, Collection.class}) {
            mapper.configOverride(collection).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);

        SimpleModule module = new SimpleModule("tcm-strict-json");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(double.class, new FiniteDouble(Double.TYPE, 0d));
        mapper.registerModule(module);
        return mapper;
    }

    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String rule = Inputs.textRule(value);
            if (rule != null) {
                throw new RejectedInput(p, String.class, rule, Inputs.textMessage("the text", rule));
            }
            return value;
        }
    }

    static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = super.deserialize(p, ctxt);
            // precision - scale is the number of digits before the point; scale the digits after it.
            if (value != null && (value.precision() - value.scale() > MAX_MAGNITUDE || value.scale() > MAX_MAGNITUDE)) {
                throw new RejectedInput(p, BigDecimal.class, "magnitude", "the number " + Inputs.quote(p.getText())
                        + " is beyond 10^" + MAX_MAGNITUDE + " or has more than " + MAX_MAGNITUDE + " decimal places");
            }
            return value;
        }
    }

    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {
        FiniteDouble(Class<Double> type, Double nullValue) {
            super(type, nullValue);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw new RejectedInput(p, Double.class, "magnitude", "the number " + Inputs.quote(p.getText())
                        + " is not a finite number");
            }
            return value;
        }
    }
}
