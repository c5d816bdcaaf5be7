package dev.custodian.crm.core.timeline.port.out;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.link.RecordRef;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.timeline.TimelineItem;

/**
 * Out-port: a record's timeline in one read: the activities and tasks linked to it and, for a
 * deal, its stage changes, merged by time then id (a query of
 * {@link dev.custodian.crm.core.timeline.TimelineListing#OFFER}). Scoped to the workspace, joining
 * the caller's transaction; empty for a record of another workspace or none.
 */
@FunctionalInterface
public interface TimelineRepository {

  Page<TimelineItem> timeline(WorkspaceId workspace, RecordRef record, ListQuery query);
}
