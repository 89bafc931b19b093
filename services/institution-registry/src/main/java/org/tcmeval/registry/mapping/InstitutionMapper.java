package org.tcmeval.registry.mapping;

import org.tcmeval.events.InstitutionChanged;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.rest.InstitutionView;

/** Maps the aggregate to its API view and to its event. */
public final class InstitutionMapper {

    private InstitutionMapper() {
    }

    public static InstitutionView toView(Institution i) {
        return new InstitutionView(i.id, i.name, i.type, i.divisionCode, i.countyCode, i.uscc, i.registrationNumber,
                i.openedOn, i.closedOn, i.revision, i.createdAt, i.updatedAt);
    }

    public static InstitutionChanged toEvent(Institution i) {
        return new InstitutionChanged(i.id.toString(), i.revision, i.name, i.type, i.divisionCode, i.countyCode,
                i.openedOn, i.closedOn);
    }
}
