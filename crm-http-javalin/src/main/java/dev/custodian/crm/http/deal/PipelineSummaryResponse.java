package dev.custodian.crm.http.deal;

import dev.custodian.crm.core.deal.PipelineSummary;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline's summary as the API shows it: per stage (by position) the number of deals, and per
 * currency the sum and the weighted sum, as strings at the currency's scale.
 */
record PipelineSummaryResponse(UUID pipelineId, List<StageTotals> stages) {

  /** One stage: {@code kind} is {@code open}, {@code won} or {@code lost}. */
  record StageTotals(UUID stageId, String name, String kind, int probability, long count, List<Total> totals) {}

  /** One currency's amounts in a stage. */
  record Total(String currency, String sum, String weighted) {}

  static PipelineSummaryResponse from(PipelineSummary summary) {
    return new PipelineSummaryResponse(summary.pipeline().value(), summary.stages().stream()
        .map(stage -> new StageTotals(stage.stage().value(), stage.name().value(), stage.kind().apiName(),
            stage.probability(), stage.count(), stage.totals().stream()
                .map(t -> new Total(t.currency().getCurrencyCode(), t.sum().toPlainString(), t.weighted().toPlainString()))
                .toList()))
        .toList());
  }
}
