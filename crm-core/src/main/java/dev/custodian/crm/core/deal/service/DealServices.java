package dev.custodian.crm.core.deal.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.deal.DealListing;
import dev.custodian.crm.core.deal.PipelineSummary;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.core.deal.port.out.DealLinks;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import java.time.Clock;
import java.util.List;

/** Factory: the deal use cases over their out-ports, one service each (a list and the history need none). */
public final class DealServices {

  private DealServices() {}

  /** Filters of the summary's offer only, as its query reader gives them: an adapter meets no other. */
  private static List<Filter> summaryFilters(List<Filter> filters) {
    new ListQuery(DealListing.SUMMARY_OFFER, filters, DealListing.SUMMARY_OFFER.defaultSort(), PageRequest.first(1));
    return List.copyOf(filters);
  }

  public static DealUseCases create(WorkspaceTransactions transactions, DealRepository deals,
      PipelineRepository pipelines, IdGenerator ids, Clock clock) {
    return create(transactions, deals, pipelines, List.of(), ids, clock);
  }

  /** @param links the stores whose rows link to deals, unlinked by a delete first */
  public static DealUseCases create(WorkspaceTransactions transactions, DealRepository deals,
      PipelineRepository pipelines, List<DealLinks> links, IdGenerator ids, Clock clock) {
    return create(transactions, deals, pipelines, links, SuppressionList.none(), CustomValueIntake.none(), ids, clock);
  }

  /**
   * The deal use cases with custom values through {@code custom}, their EMAIL and PHONE values
   * checked against {@code suppressionList} (DSR-04).
   *
   * @param links the stores whose rows link to deals, unlinked by a delete first
   */
  public static DealUseCases create(WorkspaceTransactions transactions, DealRepository deals,
      PipelineRepository pipelines, List<DealLinks> links, SuppressionList suppressionList,
      CustomValueIntake custom, IdGenerator ids, Clock clock) {
    return new DealUseCases(
        new CreateDealService(transactions, deals, pipelines, suppressionList, custom, ids, clock),
        new GetDealService(transactions, deals),
        (actor, workspace, query) -> transactions.list(actor, Permission.DEAL_READ, workspace,
            query.requireOffer(DealListing.OFFER), custom.lists().resolving(ObjectType.DEAL, deals::list)),
        new UpdateDealService(transactions, deals, pipelines, suppressionList, custom, ids, clock),
        new DeleteDealService(transactions, deals, links),
        // the first page holds at least the creation; an empty page asks whether the deal exists
        (actor, workspace, deal, query) -> transactions.inWorkspace(workspace, actor, Permission.DEAL_READ, () -> {
          var page = deals.history(workspace, deal, query.requireOffer(DealListing.HISTORY_OFFER));
          if (page.items().isEmpty() && deals.findById(workspace, deal).isEmpty()) {
            throw new NotFoundException("deal");
          }
          return page;
        }),
        // one aggregate: a pipeline has stages, so no row means no such pipeline
        (actor, workspace, pipeline, filters) -> transactions.inWorkspace(workspace, actor, Permission.DEAL_READ, () -> {
          var rows = deals.summary(workspace, pipeline, summaryFilters(filters));
          if (rows.isEmpty()) {
            throw new NotFoundException("pipeline");
          }
          return PipelineSummary.of(pipeline, rows);
        }));
  }
}
