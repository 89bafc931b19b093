-- The technique catalogue (中医药适宜技术) as first published: the ten classes the grassroots
-- promotion catalogues group items in (针刺类 ... 其他类), and items with stable codes. Catalog
-- admins maintain it from here on (PUT /api/v1/techniques/{classCode}); provinces add their own.
--
-- Items: 针刺类 lists the nine needling techniques of the national 2017 infection-control guideline
-- for TCM techniques (《中医医疗技术相关性感染预防与控制指南（试行）》), as the domain brief quotes
-- them. 灸类, 刮痧类, 拔罐类, 敷熨熏浴类 and 中医微创类 take the techniques that guideline names for
-- its classes of the same name. 推拿类, 骨伤类, 肛肠类 and 其他类 start empty: their items come from
-- provincial promotion lists, which no source document gives.
insert into technique_class (code, name_zh, name_en, sort_order, revision, changed_by, changed_at) values
    ('ACUPUNCTURE',              '针刺类',     'Acupuncture',                                  1, 1, 'flyway:V3', now()),
    ('MOXIBUSTION',              '灸类',       'Moxibustion',                                  2, 1, 'flyway:V3', now()),
    ('TUINA',                    '推拿类',     'Tuina',                                        3, 1, 'flyway:V3', now()),
    ('GUA_SHA',                  '刮痧类',     'Gua sha',                                      4, 1, 'flyway:V3', now()),
    ('CUPPING',                  '拔罐类',     'Cupping',                                      5, 1, 'flyway:V3', now()),
    ('COMPRESS_FUMIGATION_BATH', '敷熨熏浴类', 'Compress, hot ironing, fumigation and bath',   6, 1, 'flyway:V3', now()),
    ('MINIMALLY_INVASIVE',       '中医微创类', 'TCM minimally invasive techniques',            7, 1, 'flyway:V3', now()),
    ('BONE_SETTING',             '骨伤类',     'Bone-setting',                                 8, 1, 'flyway:V3', now()),
    ('ANORECTAL',                '肛肠类',     'Anorectal techniques',                         9, 1, 'flyway:V3', now()),
    ('OTHER',                    '其他类',     'Other techniques',                            10, 1, 'flyway:V3', now());

insert into technique_item (code, class_code, name_zh, name_en, sort_order) values
    ('ACUPUNCTURE_FILIFORM',      'ACUPUNCTURE', '毫针',   'Filiform needle',            1),
    ('ACUPUNCTURE_AURICULAR',     'ACUPUNCTURE', '耳针',   'Auricular acupuncture',      2),
    ('ACUPUNCTURE_THREE_EDGED',   'ACUPUNCTURE', '三棱针', 'Three-edged needle',         3),
    ('ACUPUNCTURE_ELONGATED',     'ACUPUNCTURE', '芒针',   'Elongated needle',           4),
    ('ACUPUNCTURE_INTRADERMAL',   'ACUPUNCTURE', '皮内针', 'Intradermal needle',         5),
    ('ACUPUNCTURE_FIRE',          'ACUPUNCTURE', '火针',   'Fire needle',                6),
    ('ACUPUNCTURE_CUTANEOUS',     'ACUPUNCTURE', '皮肤针', 'Cutaneous needle',           7),
    ('ACUPUNCTURE_DI',            'ACUPUNCTURE', '鍉针',   'Di (blunt) needle',          8),
    ('ACUPUNCTURE_FU',            'ACUPUNCTURE', '浮针',   'Fu subcutaneous needling',   9),
    ('MOXIBUSTION_WHEAT_GRAIN',   'MOXIBUSTION', '麦粒灸', 'Wheat-grain moxibustion',    1),
    ('MOXIBUSTION_INDIRECT',      'MOXIBUSTION', '隔物灸', 'Indirect moxibustion',       2),
    ('MOXIBUSTION_SUSPENDED',     'MOXIBUSTION', '悬灸',   'Suspended moxibustion',      3),
    ('MOXIBUSTION_NATURAL',       'MOXIBUSTION', '天灸',   'Natural (herbal) moxibustion', 4),
    ('MOXIBUSTION_WARM_NEEDLE',   'MOXIBUSTION', '温针灸', 'Warm-needle moxibustion',    5),
    ('MOXIBUSTION_HEAT_SENSITIVE','MOXIBUSTION', '热敏灸', 'Heat-sensitive moxibustion', 6),
    ('GUA_SHA_SCRAPING',          'GUA_SHA',     '刮痧',   'Scraping',                   1),
    ('GUA_SHA_PINCHING',          'GUA_SHA',     '撮痧',   'Pinching',                   2),
    ('GUA_SHA_BIAN_STONE',        'GUA_SHA',     '砭石',   'Bian stone',                 3),
    ('CUPPING_RETAINED',          'CUPPING',     '留罐',   'Retained cupping',           1),
    ('CUPPING_FLASH',             'CUPPING',     '闪罐',   'Flash cupping',              2),
    ('CUPPING_MOVING',            'CUPPING',     '走罐',   'Moving cupping',             3),
    ('CUPPING_HERBAL',            'CUPPING',     '药罐',   'Herbal cupping',             4),
    ('CUPPING_BLOODLETTING',      'CUPPING',     '刺络拔罐', 'Bloodletting cupping',     5),
    ('CUPPING_NEEDLE',            'CUPPING',     '针罐',   'Needle cupping',             6),
    ('COMPRESS_ACUPOINT_APPLICATION', 'COMPRESS_FUMIGATION_BATH', '穴位敷贴',   'Acupoint application',     1),
    ('COMPRESS_HOT_IRONING',          'COMPRESS_FUMIGATION_BATH', '中药热熨敷', 'Herbal hot ironing',       2),
    ('COMPRESS_COLD',                 'COMPRESS_FUMIGATION_BATH', '中药冷敷',   'Herbal cold compress',     3),
    ('COMPRESS_DAMP_HOT',             'COMPRESS_FUMIGATION_BATH', '中药湿热敷', 'Herbal damp-hot compress', 4),
    ('COMPRESS_FUMIGATION',           'COMPRESS_FUMIGATION_BATH', '中药熏蒸',   'Herbal fumigation',        5),
    ('COMPRESS_SOAKING',              'COMPRESS_FUMIGATION_BATH', '中药泡洗',   'Herbal soaking',           6),
    ('COMPRESS_SHOWER',               'COMPRESS_FUMIGATION_BATH', '中药淋洗',   'Herbal shower',            7),
    ('MINIMALLY_INVASIVE_ACUPOTOMY',       'MINIMALLY_INVASIVE', '针刀',     'Acupotomy',             1),
    ('MINIMALLY_INVASIVE_BLADED_NEEDLE',   'MINIMALLY_INVASIVE', '带刃针',   'Bladed needle',         2),
    ('MINIMALLY_INVASIVE_PI_NEEDLE',       'MINIMALLY_INVASIVE', '铍针',     'Pi needle',             3),
    ('MINIMALLY_INVASIVE_WATER_ACUPOTOMY', 'MINIMALLY_INVASIVE', '水针刀',   'Water acupotomy',       4),
    ('MINIMALLY_INVASIVE_EDGE_NEEDLE',     'MINIMALLY_INVASIVE', '刃针',     'Edge needle',           5),
    ('MINIMALLY_INVASIVE_HOOK_NEEDLE',     'MINIMALLY_INVASIVE', '钩针',     'Hook needle',           6),
    ('MINIMALLY_INVASIVE_ROUND_SHARP',     'MINIMALLY_INVASIVE', '长圆针',   'Round-sharp needle',    7),
    ('MINIMALLY_INVASIVE_POKING_NEEDLE',   'MINIMALLY_INVASIVE', '拨针',     'Poking needle',         8),
    ('MINIMALLY_INVASIVE_SILVER_NEEDLE',   'MINIMALLY_INVASIVE', '银质针',   'Silver needle',         9),
    ('MINIMALLY_INVASIVE_CATGUT_EMBEDDING','MINIMALLY_INVASIVE', '穴位埋线', 'Acupoint catgut embedding', 10);

-- Revision 1 of every class, in the JSON form of org.tcmeval.events.TechniqueClassChanged.
insert into technique_class_revision (class_code, revision, body, changed_by, changed_at)
select c.code, 1,
       jsonb_build_object('classCode', c.code, 'revision', 1, 'nameZh', c.name_zh, 'nameEn', c.name_en,
           'sortOrder', c.sort_order,
           'items', coalesce((select jsonb_agg(jsonb_build_object('code', i.code, 'nameZh', i.name_zh,
                                  'nameEn', i.name_en, 'retired', i.retired) order by i.sort_order)
                              from technique_item i where i.class_code = c.code), '[]'::jsonb),
           'changedBy', c.changed_by, 'changedAt', c.changed_at),
       c.changed_by, c.changed_at
from technique_class c;

-- Published like any later change: through the outbox, in this same transaction, as a
-- structured-mode CloudEvent on the compacted topic technique-changed keyed by class code.
insert into outbox_event (id, topic, record_key, payload, created_at)
select e.id, 'technique-changed', e.class_code,
       jsonb_build_object('specversion', '1.0', 'id', e.id, 'source', '/indicator-catalog',
           'type', 'org.tcmeval.catalog.technique.changed', 'subject', e.class_code, 'time', e.changed_at,
           'datacontenttype', 'application/json', 'dataversion', 1, 'data', e.body)::text,
       now()
from (select gen_random_uuid() as id, r.class_code, r.changed_at, r.body
      from technique_class_revision r order by r.class_code) e;
