-- Technique lists get a scope and items their provenance.
--
-- Scope: '00' is the national list (the only one until now); a province (2-digit GB/T 2260 code)
-- may upload its own official list, which replaces the national one for its divisions. Codes are
-- unique within a list, so every key gains the scope.
--
-- Provenance: every item says whether a source document gives it (provisional = false, source =
-- the document) or not (provisional = true, source says so). Of the seeded items only the nine of
-- 针刺类 come from a source document, the 2017 national infection-control guideline for TCM
-- techniques as the domain brief quotes it. V3's comment says the other classes' items come from
-- that guideline too, but no document the project holds lists them: they are placeholders until a
-- province's official list or a national revision replaces them, and are labelled so here.
alter table technique_item drop constraint technique_item_class_code_fkey;
alter table technique_class_revision drop constraint technique_class_revision_class_code_fkey;
alter table technique_class_revision drop constraint technique_class_revision_pkey;
alter table technique_item drop constraint technique_item_pkey;
alter table technique_class drop constraint technique_class_pkey;

alter table technique_class add column scope text not null default '00';
alter table technique_item add column scope text not null default '00';
alter table technique_class_revision add column scope text not null default '00';
alter table technique_class alter column scope drop default;
alter table technique_item alter column scope drop default;
alter table technique_class_revision alter column scope drop default;
-- A province's list may give Chinese names only.
alter table technique_class alter column name_en drop not null;

alter table technique_class add primary key (scope, code);
alter table technique_item add primary key (scope, code);
alter table technique_item add foreign key (scope, class_code) references technique_class (scope, code);
alter table technique_class_revision add primary key (scope, class_code, revision);
alter table technique_class_revision add foreign key (scope, class_code) references technique_class (scope, code);
drop index technique_item_class;
create index technique_item_class on technique_item (scope, class_code, sort_order);

alter table technique_item add column provisional boolean;
alter table technique_item add column source text;
update technique_item
   set provisional = false,
       source = '《中医医疗技术相关性感染预防与控制指南（试行）》（国家中医药管理局，2017）：针刺类'
 where scope = '00' and class_code = 'ACUPUNCTURE'
   and code in ('ACUPUNCTURE_FILIFORM', 'ACUPUNCTURE_AURICULAR', 'ACUPUNCTURE_THREE_EDGED', 'ACUPUNCTURE_ELONGATED',
                'ACUPUNCTURE_INTRADERMAL', 'ACUPUNCTURE_FIRE', 'ACUPUNCTURE_CUTANEOUS', 'ACUPUNCTURE_DI',
                'ACUPUNCTURE_FU');
update technique_item
   set provisional = true,
       source = 'provisional: no source document gives this item; seeded as a placeholder until an official '
             || 'list (a province''s upload or a national revision) replaces it'
 where provisional is null;
alter table technique_item alter column provisional set not null;
alter table technique_item alter column source set not null;

-- Every class's content changed (scope and provenance), so each gets revision 2, kept and published
-- like any change: through the outbox in this transaction, keyed by class code (national list).
update technique_class set revision = revision + 1, changed_by = 'flyway:V4', changed_at = now();

insert into technique_class_revision (scope, class_code, revision, body, changed_by, changed_at)
select c.scope, c.code, c.revision,
       jsonb_build_object('classCode', c.code, 'revision', c.revision, 'nameZh', c.name_zh, 'nameEn', c.name_en,
           'sortOrder', c.sort_order,
           'items', coalesce((select jsonb_agg(jsonb_build_object('code', i.code, 'nameZh', i.name_zh,
                                  'nameEn', i.name_en, 'retired', i.retired, 'provisional', i.provisional,
                                  'source', i.source) order by i.retired, i.sort_order, i.code)
                              from technique_item i where i.scope = c.scope and i.class_code = c.code), '[]'::jsonb),
           'changedBy', c.changed_by, 'changedAt', c.changed_at, 'scope', c.scope),
       c.changed_by, c.changed_at
from technique_class c;

insert into outbox_event (id, topic, record_key, payload, created_at)
select e.id, 'technique-changed', case when e.scope = '00' then e.class_code else e.scope || ':' || e.class_code end,
       jsonb_build_object('specversion', '1.0', 'id', e.id, 'source', '/indicator-catalog',
           'type', 'org.tcmeval.catalog.technique.changed', 'subject', e.class_code, 'time', e.changed_at,
           'datacontenttype', 'application/json', 'dataversion', 1, 'data', e.body)::text,
       now()
from (select gen_random_uuid() as id, r.scope, r.class_code, r.changed_at, r.body
      from technique_class_revision r join technique_class c on c.scope = r.scope and c.code = r.class_code
      where r.revision = c.revision order by r.class_code) e;
