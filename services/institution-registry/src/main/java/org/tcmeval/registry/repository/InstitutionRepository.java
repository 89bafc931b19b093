package org.tcmeval.registry.repository;

import org.tcmeval.support.persistence.BulkSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.tcmeval.registry.Institution;
import org.tcmeval.registry.InstitutionStatus;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, UUID> {

    /** Up to {@code limit} institutions matching {@code query} after {@code after}, in id order. */
    public Uni<List<Institution>> page(InstitutionQuery query, UUID after, int limit) {
        Parameters params = new Parameters();
        StringBuilder where = where(query, params);
        if (after != null) {
            where.append(" and id > :after");
            params.and("after", after);
        }
        return find(where + " order by id", params).page(0, limit).list();
    }

    public Uni<Long> count(InstitutionQuery query) {
        Parameters params = new Parameters();
        return count(where(query, params).toString(), params);
    }

    /** Everything under a division prefix, closed ones included, in id order (which is registration order). */
    public Uni<List<Institution>> under(String divisionPrefix) {
        return find("divisionCode like ?1 order by id", divisionPrefix + "%").list();
    }

    /** The institution registered with this USCC, or null. */
    public Uni<Institution> byUscc(String uscc) {
        return find("uscc", uscc).firstResult();
    }

    public Uni<Institution> byRegistrationNumber(String registrationNumber) {
        return find("registrationNumber", registrationNumber).firstResult();
    }

    /** Institutions that have any of these ids, USCCs or registration numbers; managed by the session. */
    public Uni<List<Institution>> matching(Collection<String> ids, Collection<String> usccs,
            Collection<String> registrationNumbers) {
        String sql = "select * from institution where id in (select cast(v as uuid) from jsonb_array_elements_text("
                + "cast(cast(?1 as text) as jsonb)) v) "
                + "union select * from institution where uscc in (select jsonb_array_elements_text(cast(cast(?2 as text) as jsonb))) "
                + "union select * from institution where registration_number in "
                + "(select jsonb_array_elements_text(cast(cast(?3 as text) as jsonb)))";
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Institution.class)
                .setParameter(1, BulkSql.jsonArray(ids))
                .setParameter(2, BulkSql.jsonArray(usccs))
                .setParameter(3, BulkSql.jsonArray(registrationNumbers))
                .getResultList());
    }

    /** Inserts new institutions, revision 0, in one statement per chunk (bulk import). */
    public Uni<Integer> insertAll(List<Institution> institutions, int chunkSize) {
        List<Map<String, Object>> rows = institutions.stream().map(InstitutionRepository::row).toList();
        return BulkSql.execute("insert into institution (id, uscc, registration_number, name, type, division_code, "
                + "county_code, ownership, grade, ethnic_medicine, opened_on, closed_on, revision, created_at, updated_at, "
                + "updated_by) select id, uscc, registration_number, name, type, division_code, county_code, ownership, "
                + "grade, ethnic_medicine, opened_on, closed_on, 0, at, at, by from " + BulkSql.ROWS
                + " as r(id uuid, uscc text, registration_number text, name text, type text, division_code text, "
                + "county_code text, ownership text, grade text, ethnic_medicine text, opened_on date, closed_on date, "
                + "at timestamptz, by text)", rows, chunkSize);
    }

    private static Map<String, Object> row(Institution i) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", i.id.toString());
        m.put("uscc", i.uscc);
        m.put("registration_number", i.registrationNumber);
        m.put("name", i.name);
        m.put("type", i.type.name());
        m.put("division_code", i.divisionCode);
        m.put("county_code", i.countyCode);
        m.put("ownership", text(i.ownership));
        m.put("grade", text(i.grade));
        m.put("ethnic_medicine", text(i.ethnicMedicine));
        m.put("opened_on", text(i.openedOn));
        m.put("closed_on", text(i.closedOn));
        m.put("at", i.createdAt.toString());
        m.put("by", i.updatedBy);
        return m;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static StringBuilder where(InstitutionQuery q, Parameters params) {
        StringBuilder w = new StringBuilder("divisionCode like :prefix");
        params.and("prefix", q.divisionPrefix() + "%");
        if (q.types() != null && !q.types().isEmpty()) {
            w.append(" and type in :types");
            params.and("types", q.types());
        }
        if (q.status() == InstitutionStatus.OPERATING) {
            w.append(" and (closedOn is null or closedOn > :today)");
            params.and("today", q.today());
        } else if (q.status() == InstitutionStatus.CLOSED) {
            w.append(" and closedOn <= :today");
            params.and("today", q.today());
        }
        if (q.operatingIn() != null) {
            w.append(" and (openedOn is null or openedOn <= :yearEnd) and (closedOn is null or closedOn > :yearStart)");
            params.and("yearStart", LocalDate.of(q.operatingIn(), 1, 1));
            params.and("yearEnd", LocalDate.of(q.operatingIn(), 12, 31));
        }
        if (q.grades() != null && !q.grades().isEmpty()) {
            w.append(" and grade in :grades");
            params.and("grades", q.grades());
        }
        if (q.ownership() != null) {
            w.append(" and ownership = :ownership");
            params.and("ownership", q.ownership());
        }
        if (q.ethnicMedicine() != null) {
            w.append(" and ethnicMedicine = :ethnicMedicine");
            params.and("ethnicMedicine", q.ethnicMedicine());
        }
        if (q.q() != null) {
            // ILIKE '%...%' is served by the trigram index; the user's own % and _ are matched literally.
            w.append(" and name ilike :q escape '!'");
            params.and("q", "%" + q.q().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return w;
    }
}
