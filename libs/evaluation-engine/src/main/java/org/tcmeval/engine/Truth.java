package org.tcmeval.engine;

import java.math.BigDecimal;
import java.util.Map;
import org.tcmeval.targets.Condition;

/**
 * A condition's answer on facts that may be incomplete. The condition language has no negation,
 * so a condition that holds with facts missing holds whatever they turn out to be (YES); one that
 * fails with every fact it reads present really fails (NO); one that fails with a fact missing
 * might hold once the fact is reported (UNDECIDED).
 */
enum Truth {
    YES, NO, UNDECIDED;

    static Truth of(Condition condition, Map<String, BigDecimal> facts) {
        if (condition.test(facts)) {
            return YES;
        }
        return facts.keySet().containsAll(condition.fields()) ? NO : UNDECIDED;
    }
}
