package dev.custodian.crm.core.timeline.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.TimelineItem;

/** Use case: page a contact's, company's or deal's timeline, newest first. */
@FunctionalInterface
public interface TimelineUseCase {

  /**
   * @param query a query of {@link dev.custodian.crm.core.timeline.TimelineListing#OFFER}
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or record
   */
  Page<TimelineItem> timeline(Actor actor, WorkspaceId workspace, RecordRef record, ListQuery query);
}
