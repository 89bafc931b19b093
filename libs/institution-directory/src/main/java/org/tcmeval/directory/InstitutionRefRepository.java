package org.tcmeval.directory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class InstitutionRefRepository implements PanacheRepositoryBase<InstitutionRef, UUID> {
}
