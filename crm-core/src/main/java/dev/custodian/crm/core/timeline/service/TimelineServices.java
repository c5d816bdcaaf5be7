package dev.custodian.crm.core.timeline.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.timeline.TimelineListing;
import dev.custodian.crm.core.timeline.port.in.TimelineUseCase;
import dev.custodian.crm.core.timeline.port.out.TimelineRepository;
import java.util.Set;

/**
 * Factory: the timeline use case. A page with items proves the record is there (its links would
 * have gone with it); an empty one asks whether it exists, for a 404.
 */
public final class TimelineServices {

  private TimelineServices() {}

  public static TimelineUseCase create(WorkspaceTransactions transactions, TimelineRepository timelines,
      LinkTargets targets) {
    return (actor, workspace, record, query) -> transactions.inWorkspace(workspace, actor,
        Permission.ACTIVITY_READ, () -> {
          var page = timelines.timeline(workspace, record, query.requireOffer(TimelineListing.OFFER));
          if (page.items().isEmpty() && !targets.unknown(workspace, linksTo(record)).isEmpty()) {
            throw new NotFoundException(record.kind().noun());
          }
          return page;
        });
  }

  private static Links linksTo(RecordRef record) {
    return switch (record.kind()) {
      case CONTACT -> new Links(Set.of(ContactId.of(record.id())), Set.of(), Set.of());
      case COMPANY -> new Links(Set.of(), Set.of(CompanyId.of(record.id())), Set.of());
      case DEAL -> new Links(Set.of(), Set.of(), Set.of(DealId.of(record.id())));
    };
  }
}
