package org.tcmeval.evaluation.rest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tcmeval.evaluation.supervision.SupervisionDraw;
import org.tcmeval.evaluation.supervision.UnitKind;
import org.tcmeval.support.paging.CursorPage;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SupervisionPlan", description = "A year's supervision plan (督导抽查计划) of a province or city: the level"
        + " supervised in full and the level sampled, each unit with the reason it was chosen.")
public record SupervisionPlanView(
        @Schema(example = "4501") String divisionCode,
        @Schema(description = "Name from the registry, where known", example = "南宁市") String name,
        @Schema(description = "PROVINCE or CITY", example = "CITY") String level,
        @Schema(example = "2025") int year,
        @Schema(description = "The seed of the draw (0 to 2^53 − 1)", example = "1234567") long seed,
        @Schema(description = "GIVEN (the `seed` parameter) or DEFAULT (FNV-1a-64 of `<division>:<year>` cut to 53 bits)",
                example = "DEFAULT") String seedSource,
        @Schema(description = "Cities of a province, counties of a city: by default every one") Tier required,
        @Schema(description = "Counties of a province, grassroots institutions of a city: by default 60%, rounded up")
        Tier drawn) implements CursorPage {

    /** The drawn tier is the plan's one long list; its next page is the plan's (and its Link header). */
    @Override
    @JsonIgnore
    public String nextCursor() {
        return drawn == null ? null : drawn.nextCursor();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SupervisionTier", description = "One level of the plan: how many units there are, how many are"
            + " chosen, and the chosen ones in rank order")
    public record Tier(
            @Schema(example = "COUNTY") UnitKind unitKind,
            @Schema(description = "Share of the level supervised (setting tcm.supervision.*)", example = "0.6")
            BigDecimal share,
            @Schema(description = "Units of the level in the year", example = "5") int candidates,
            @Schema(description = "⌈share · candidates⌉", example = "3") int quota,
            @Schema(description = "Places taken by units with gaps", example = "2") int worstGapPlaces,
            @Schema(description = "Places filled by the draw", example = "1") int drawnPlaces,
            @Schema(description = "What a gap is at this level", example = "stored results judged NOT_MET")
            String gapBasis,
            List<Chosen> items,
            @Schema(description = "Pass as `cursor` for the next page of this tier; absent on the last page")
            String nextCursor) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SupervisedUnit", description = "A chosen unit and why, as data and as one sentence per language")
    public record Chosen(
            @Schema(description = "Position in the tier, 1 first", example = "1") int rank,
            @Schema(description = "Division code, or institution id", example = "450102") String code,
            @Schema(example = "兴宁区") String name,
            @Schema(example = "COUNTY") UnitKind unitKind,
            @Schema(description = "Institutions only", example = "THC") String institutionType,
            @Schema(description = "Institutions only: their county", example = "450102") String countyCode,
            @Schema(example = "WORST_GAP") SupervisionDraw.Reason reason,
            @Schema(description = "Divisions: stored results judged NOT_MET in the year; institutions: per-unit rules of"
                    + " compliance rates their stored contributions fail", example = "3") int gaps,
            @Schema(description = "What the gaps are counted among: stored results judged MET or NOT_MET, or per-unit"
                    + " rules decided", example = "12") int judged,
            @Schema(description = "SplitMix64 of seed XOR FNV-1a-64(code), 16 hex digits", example = "3f2a9c0d11e4b7a5")
            String drawNumber,
            @Schema(description = "WORST_GAP only: it shares its gap count with a unit left out, so the draw decided",
                    example = "false") boolean tieBrokenByDraw,
            @Schema(example = "差距优先：3 项指标未达标（已存储结果）") String reasonZh,
            @Schema(example = "worst gaps first: 3 indicators NOT_MET in the stored results") String reasonEn) {
    }
}
