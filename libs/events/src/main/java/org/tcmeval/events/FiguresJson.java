package org.tcmeval.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Report figures as JSON text (stored as jsonb by reporting and evaluation), read back with exact decimals. */
public final class FiguresJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, BigDecimal>> TYPE = new TypeReference<>() {
    };

    private FiguresJson() {
    }

    public static String write(Map<String, BigDecimal> figures) {
        try {
            return MAPPER.writeValueAsString(new TreeMap<>(figures));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, BigDecimal> read(String json) {
        try {
            return MAPPER.readValue(json, TYPE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
