package org.tcmeval.targets;

/** Whether a target is 约束性 (binding) or 预期性 (expected), as the plans label them. */
public enum Nature {
    BINDING,
    EXPECTED
}
