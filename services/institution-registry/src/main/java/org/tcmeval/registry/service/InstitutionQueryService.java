package org.tcmeval.registry.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.mapping.InstitutionCsv;
import org.tcmeval.registry.mapping.InstitutionMapper;
import org.tcmeval.support.paging.PageCursor;
import org.tcmeval.registry.repository.InstitutionQuery;
import org.tcmeval.registry.repository.InstitutionRepository;
import org.tcmeval.registry.rest.InstitutionPage;
import org.tcmeval.support.problem.ProblemException;
import org.tcmeval.support.security.Jurisdiction;

/** Lists and exports institutions, never beyond the caller's jurisdiction. */
@ApplicationScoped
public class InstitutionQueryService {

    @Inject
    InstitutionRepository repository;

    @Inject
    RegistryClock clock;

    /**
     * @param filters the query as the client wrote it, with {@code divisionPrefix} not yet narrowed
     * @param filterText a canonical text of the filters, which the cursor is bound to
     */
    @WithSession
    public Uni<InstitutionPage> list(InstitutionQuery filters, String filterText, String cursor, int limit,
            boolean includeTotal, Jurisdiction jurisdiction) {
        UUID after = cursor == null ? null : PageCursor.decode(cursor, filterText);
        String prefix = jurisdiction.narrow(filters.divisionPrefix());
        if (prefix == null) {
            return Uni.createFrom().item(new InstitutionPage(List.of(), null, includeTotal ? 0L : null));
        }
        LocalDate today = clock.today();
        InstitutionQuery query = new InstitutionQuery(prefix, filters.types(), filters.status(), today,
                filters.operatingIn(), filters.grades(), filters.ownership(), filters.ethnicMedicine(), filters.q());
        // One row more than asked tells whether another page exists without a count.
        return repository.page(query, after, limit + 1).flatMap(rows -> {
            boolean more = rows.size() > limit;
            List<Institution> page = more ? rows.subList(0, limit) : rows;
            String next = more ? PageCursor.after(page.get(page.size() - 1).id, filterText).encode() : null;
            var items = page.stream().map(i -> InstitutionMapper.toView(i, today)).toList();
            Uni<Long> total = includeTotal ? repository.count(query) : Uni.createFrom().nullItem();
            return total.map(t -> new InstitutionPage(items, next, t));
        });
    }

    /** Every institution under {@code division} (closed ones too) in the import's CSV format; narrowed like a list. */
    @WithSession
    public Uni<String> exportCsv(String division, Jurisdiction jurisdiction) {
        String prefix = jurisdiction.narrow(division);
        if (prefix == null) {
            throw ProblemException.notFound("division " + division);
        }
        return repository.under(prefix)
                .map(list -> InstitutionCsv.write(list.stream().map(InstitutionMapper::toLine).toList()));
    }
}
