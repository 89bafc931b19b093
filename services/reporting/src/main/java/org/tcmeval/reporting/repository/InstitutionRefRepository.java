package org.tcmeval.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.tcmeval.reporting.InstitutionRef;

@ApplicationScoped
public class InstitutionRefRepository implements PanacheRepositoryBase<InstitutionRef, UUID> {
}
