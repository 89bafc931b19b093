package org.tcmeval.support.problem;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.tcmeval.support.text.Inputs;

/** Which query parameter of a resource method JAX-RS could not convert, found again by converting each. */
final class QueryParams {

    private static final Map<Class<?>, Function<String, ?>> CONVERTERS = Map.ofEntries(
            Map.entry(Integer.class, Integer::valueOf), Map.entry(int.class, Integer::valueOf),
            Map.entry(Long.class, Long::valueOf), Map.entry(long.class, Long::valueOf),
            Map.entry(Short.class, Short::valueOf), Map.entry(short.class, Short::valueOf),
            Map.entry(Double.class, Double::valueOf), Map.entry(double.class, Double::valueOf),
            Map.entry(BigDecimal.class, BigDecimal::new), Map.entry(UUID.class, UUID::fromString),
            Map.entry(LocalDate.class, LocalDate::parse));

    private QueryParams() {
    }

    /** The first query parameter whose value does not convert to the parameter's type, or {@code null}. */
    static Problem.FieldError unconvertible(Method method, Map<String, List<String>> query) {
        for (Parameter p : method.getParameters()) {
            QueryParam q = p.getAnnotation(QueryParam.class);
            List<String> values = q == null ? null : query.get(q.value());
            if (values == null) {
                continue;
            }
            Class<?> type = p.getType();
            for (String value : values) {
                if (!converts(type, value)) {
                    String name = q.value();
                    return new Problem.FieldError(name, "type", name + " must be " + JsonFault.expected(type)
                            + ", not '" + Inputs.quote(value) + "'");
                }
            }
        }
        return null;
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            }
            Function<String, ?> converter = CONVERTERS.get(type);
            if (converter != null) {
                converter.apply(value);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
