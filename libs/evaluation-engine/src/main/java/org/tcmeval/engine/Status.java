package org.tcmeval.engine;

/** The verdict on a division's sums (达标状态). A status never claims more than is known. */
public enum Status {
    /** 达标: complete enough, and the value meets the target. */
    MET,
    /** 未达标: complete enough, and the value misses the target. */
    NOT_MET,
    /**
     * 不适用: the target does not bind this division — it fails the target's division condition, no
     * unit of it falls under the unit filter, or the target is judged at another division only.
     */
    NOT_APPLICABLE,
    /** 无数据: the target binds (or may bind) the division, but nothing gives a value or decides it. */
    NO_DATA,
    /** 数据不完整: a value exists, but too few units are decided to judge it; shown with completeness. */
    INCOMPLETE,
    /** 无目标: no profile in the chain sets a target; the value is shown unjudged. */
    NO_TARGET;

    /** Whether the status is a verdict on the value against a target. */
    public boolean isVerdict() {
        return switch (this) {
            case MET, NOT_MET -> true;
            case NOT_APPLICABLE, NO_DATA, INCOMPLETE, NO_TARGET -> false;
        };
    }
}
