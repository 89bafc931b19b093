package org.tcmeval.catalog.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;
import org.tcmeval.events.TargetSpec;
import org.tcmeval.events.TechniqueClassChanged;
import org.tcmeval.targets.Target;

/**
 * The JSON stored in jsonb columns: a revision's targets as {@link TargetSpec}s and a technique
 * class as {@link TechniqueClassChanged} — the same form the events carry, so what is stored is
 * what is published.
 */
public final class TargetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    /** The jsonb value of a revision; an object, because the reactive driver reads a JSON column as an object. */
    record Stored(List<TargetSpec> targets) {
    }

    private TargetJson() {
    }

    public static String write(List<Target> targets) {
        return json(new Stored(targets.stream().map(TargetSpec::of).toList()));
    }

    public static List<TargetSpec> specs(String json) {
        try {
            return MAPPER.readValue(json, Stored.class).targets();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored targets back as libs/targets objects; they were valid when stored, so this does not fail. */
    public static List<Target> targets(String json) {
        return specs(json).stream().map(TargetSpec::toTarget).toList();
    }

    public static String writeTechnique(TechniqueClassChanged technique) {
        return json(technique);
    }

    public static TechniqueClassChanged technique(String json) {
        try {
            return MAPPER.readValue(json, TechniqueClassChanged.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
