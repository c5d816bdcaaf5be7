package dev.custodian.crm.core.deal.port.in;

import java.util.Objects;

/** The deal feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record DealUseCases(CreateDealUseCase create, GetDealUseCase get, ListDealsUseCase list,
    UpdateDealUseCase update, DeleteDealUseCase delete, DealHistoryUseCase history,
    PipelineSummaryUseCase summary) {

  public DealUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(summary, "summary");
  }
}
