package org.tcmeval.registry;

/** Ethnic-minority medicine (民族医药) an institution practises, e.g. a county 壮医医院 or a 蒙医 hospital. */
public enum EthnicMedicine {
    /** 蒙医. */
    MONGOLIAN,
    /** 藏医. */
    TIBETAN,
    /** 维医. */
    UYGHUR,
    /** 傣医. */
    DAI,
    /** 壮医. */
    ZHUANG,
    /** 瑶医. */
    YAO,
    /** 苗医. */
    MIAO,
    /** 侗医. */
    DONG,
    /** 彝医. */
    YI,
    /** 土家医. */
    TUJIA,
    /** 朝医. */
    KOREAN,
    /** 回医. */
    HUI,
    /** 哈萨克医. */
    KAZAKH,
    /** Another ethnic medicine (其他民族医). */
    OTHER
}
