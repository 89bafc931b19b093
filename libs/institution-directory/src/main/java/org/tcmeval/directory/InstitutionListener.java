package org.tcmeval.directory;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Implemented by a service that must react when an institution's projection changes. */
public interface InstitutionListener {

    /** One institution's change: {@code before} is null for a newly known institution. */
    record Change(InstitutionRef before, InstitutionRef after) {
    }

    /**
     * Runs inside the projection's transaction, on the Vert.x context.
     *
     * @param before the previous state, or {@code null} for a newly known institution
     * @param after the new state
     */
    Uni<Void> changed(InstitutionRef before, InstitutionRef after);

    /**
     * A poll's changes, in institution id order, inside the projection's one transaction for them; the
     * new states are already flushed. By default {@link #changed} for each in turn; a listener that
     * can apply them set-based overrides this.
     */
    default Uni<Void> changedAll(List<Change> changes) {
        // One after the other, not a chain of as many nested Unis (a poll is hundreds).
        return Multi.createFrom().iterable(changes).onItem()
                .transformToUniAndConcatenate(c -> changed(c.before(), c.after())).collect().last().replaceWithVoid();
    }
}
