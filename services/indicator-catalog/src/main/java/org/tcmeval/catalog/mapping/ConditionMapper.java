package org.tcmeval.catalog.mapping;

import java.util.List;
import org.tcmeval.catalog.rest.ConditionBody;
import org.tcmeval.events.ConditionSpec;
import org.tcmeval.targets.Condition;

/** The API's condition is the event's {@link ConditionSpec} with documentation; these copy between the two. */
public final class ConditionMapper {

    private ConditionMapper() {
    }

    public static ConditionSpec toSpec(ConditionBody b) {
        if (b == null) {
            return null;
        }
        List<ConditionSpec> parts = b.parts() == null ? null : b.parts().stream().map(ConditionMapper::toSpec).toList();
        return new ConditionSpec(b.type(), b.field(), b.op(), b.value(), b.min(), b.max(), b.part(), b.whole(),
                b.percent(), parts);
    }

    public static ConditionBody toBody(ConditionSpec s) {
        if (s == null) {
            return null;
        }
        List<ConditionBody> parts = s.parts() == null ? null : s.parts().stream().map(ConditionMapper::toBody).toList();
        return new ConditionBody(s.type(), s.field(), s.op(), s.value(), s.min(), s.max(), s.part(), s.whole(),
                s.percent(), parts);
    }

    /** {@code null} when the condition is "always". */
    public static ConditionBody toBody(Condition c) {
        return Condition.NONE.equals(c) ? null : toBody(ConditionSpec.of(c));
    }
}
