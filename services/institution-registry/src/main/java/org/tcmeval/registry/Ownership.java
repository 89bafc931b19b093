package org.tcmeval.registry;

/** Who runs an institution (举办主体). */
public enum Ownership {
    /** 公立: run by a government body or a public institution, including village-collective clinics. */
    PUBLIC,
    /** 民营 / 社会办: privately run. */
    PRIVATE
}
