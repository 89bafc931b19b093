package org.tcmeval.targets;

/**
 * Where a transcribed number comes from (出处), so a reviewer can check it against the seed text.
 *
 * @param document file stem of the source document, e.g. {@code guangxi-grassroots-tcm-capacity-plan-2022}
 * @param location section, table and row inside the document, e.g. {@code 附表 考核评价指标 第14项}
 */
public record Source(String document, String location) {

    public Source {
        if (FieldNames.isBlank(document)) {
            throw new IllegalArgumentException("document: a source names the document it was transcribed from");
        }
        if (FieldNames.isBlank(location)) {
            throw new IllegalArgumentException("location: a source names the section or table row in " + document);
        }
    }
}
