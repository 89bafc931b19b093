package org.tcmeval.targets;

/**
 * The groups (分类) the source tables sort their indicators into: the five of the Guangxi and
 * Inner Mongolia annexes, and the three of Qinzhou's 专栏1 that the annexes lack.
 */
public enum Category {
    SERVICE_COVERAGE("基层中医药服务覆盖面"),
    SERVICE_CAPACITY("基层中医药服务能力建设"),
    WORKFORCE("基层中医药人才队伍建设"),
    MANAGEMENT("基层中医药管理能力建设"),
    MEDICAL_COMMUNITY("县域紧密型医共体建设"),
    SERVICE_RESOURCES("中医药服务资源"),
    INDUSTRY("中医药产业"),
    HEALTH_CULTURE("中医药健康文化");

    private final String nameZh;

    Category(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
