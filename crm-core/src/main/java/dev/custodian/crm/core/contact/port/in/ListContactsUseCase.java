package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: walk a workspace's contacts page by page, filtered and sorted as
 * {@link dev.custodian.crm.core.contact.ContactListing#OFFER} allows (oldest first by default).
 */
@FunctionalInterface
public interface ListContactsUseCase {

  /**
   * @param query a query of {@link dev.custodian.crm.core.contact.ContactListing#OFFER}
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws IllegalArgumentException for a query of another list
   */
  Page<Contact> list(Actor actor, WorkspaceId workspace, ListQuery query);
}
