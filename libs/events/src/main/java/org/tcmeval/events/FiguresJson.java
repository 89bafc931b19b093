package org.tcmeval.events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Report figures as JSON text (stored as jsonb by reporting and evaluation), read back with exact decimals. */
public final class FiguresJson {

    private static final TypeReference<TreeMap<String, BigDecimal>> TYPE = new TypeReference<>() {
    };

    private FiguresJson() {
    }

    public static String write(Map<String, BigDecimal> figures) {
        return Json.write(new TreeMap<>(figures));
    }

    public static Map<String, BigDecimal> read(String json) {
        return Json.read(json, TYPE);
    }
}
