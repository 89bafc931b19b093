package org.tcmeval.targets;

/**
 * Where a transcribed number comes from, so a reviewer can check it against the seed text.
 *
 * @param document short document id, e.g. {@code guangxi-2022}
 * @param location section, table and row inside the document, e.g. {@code 附件 评价指标 第14项}
 */
public record Source(String document, String location) {
}
