package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.pipeline.PipelineId;
import dev.custodian.crm.core.pipeline.StageId;
import dev.custodian.crm.core.pipeline.StageKind;
import dev.custodian.crm.core.pipeline.StageName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pipeline's deals add up to, stage by stage: how many deals each holds, and per currency
 * (never mixed or converted) the sum of their amounts and that sum weighted by the stage's
 * probability ({@code × probability / 100}, HALF_EVEN at the currency's scale). Deals without an
 * amount count, and add to no sum.
 */
public record PipelineSummary(PipelineId pipeline, List<StageSummary> stages) {

  public PipelineSummary {
    Objects.requireNonNull(pipeline, "pipeline");
    stages = List.copyOf(stages);
  }

  /** One stage's deals. */
  public record StageSummary(StageId stage, StageName name, StageKind kind, int probability, long count,
      List<CurrencyTotal> totals) {

    public StageSummary {
      totals = List.copyOf(totals);
    }
  }

  /** The sum of one currency's amounts in a stage, and that sum weighted by the stage's probability. */
  public record CurrencyTotal(Currency currency, BigDecimal sum, BigDecimal weighted) {}

  /**
   * One group of an aggregate over a pipeline's stages and their deals: a stage with the deals of
   * one currency (none: those without an amount, or no deals at all, then {@code count} 0).
   */
  public record Row(StageId stage, StageName name, StageKind kind, int probability, int position,
      Optional<Currency> currency, long count, BigDecimal sum) {}

  /** The summary of these groups, stages by position and currencies by code. */
  public static PipelineSummary of(PipelineId pipeline, List<Row> rows) {
    Map<StageId, List<Row>> byStage = new LinkedHashMap<>();
    rows.stream().sorted(Comparator.comparingInt(Row::position))
        .forEach(row -> byStage.computeIfAbsent(row.stage(), s -> new ArrayList<>()).add(row));
    List<StageSummary> stages = new ArrayList<>();
    for (List<Row> group : byStage.values()) {
      Row first = group.get(0);
      long count = group.stream().mapToLong(Row::count).sum();
      List<CurrencyTotal> totals = group.stream()
          .filter(row -> row.currency().isPresent() && row.sum() != null)
          .sorted(Comparator.comparing(row -> row.currency().orElseThrow().getCurrencyCode()))
          .map(row -> total(row.currency().orElseThrow(), row.sum(), first.probability()))
          .toList();
      stages.add(new StageSummary(first.stage(), first.name(), first.kind(), first.probability(), count, totals));
    }
    return new PipelineSummary(pipeline, stages);
  }

  private static CurrencyTotal total(Currency currency, BigDecimal sum, int probability) {
    int scale = currency.getDefaultFractionDigits();
    BigDecimal exact = sum.setScale(scale, RoundingMode.UNNECESSARY);
    BigDecimal weighted = exact.multiply(BigDecimal.valueOf(probability))
        .divide(BigDecimal.valueOf(100), scale, RoundingMode.HALF_EVEN);
    return new CurrencyTotal(currency, exact, weighted);
  }
}
