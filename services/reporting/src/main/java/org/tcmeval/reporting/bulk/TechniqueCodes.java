package org.tcmeval.reporting.bulk;

import java.util.List;
import java.util.Optional;

/**
 * The hook where an integrator checks technique item codes (中医药适宜技术) of bulk rows against the
 * catalogue. Single submissions do not check the codes either (the catalogue lives in the
 * indicator-catalog service, and the evaluation counts only codes it knows), so the default bean
 * accepts every code: a bulk row with techniques is stored as a single submission would store it.
 * Provide an {@code @Alternative @Priority} bean to refuse unknown codes as row errors.
 */
public interface TechniqueCodes {

    /** Why the codes are refused (rule {@code technique-code} in the row error), or empty to accept them. */
    Optional<String> refuse(List<String> codes);

    /** The default: every code is accepted, as for single submissions. */
    @jakarta.enterprise.context.ApplicationScoped
    @io.quarkus.arc.DefaultBean
    class AcceptAll implements TechniqueCodes {
        @Override
        public Optional<String> refuse(List<String> codes) {
            return Optional.empty();
        }
    }
}
