package org.tcmeval.directory;

import io.smallrye.mutiny.Uni;

/** Implemented by a service that must react when an institution's projection changes. */
public interface InstitutionListener {

    /**
     * Runs inside the projection's transaction, on the Vert.x context.
     *
     * @param before the previous state, or {@code null} for a newly known institution
     * @param after the new state
     */
    Uni<Void> changed(InstitutionRef before, InstitutionRef after);
}
