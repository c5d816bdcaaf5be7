package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.contact.Contact;

/** Use case: walk a workspace's contacts page by page, oldest first. */
@FunctionalInterface
public interface ListContactsUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist */
  Page<Contact> list(Actor actor, PageQuery query);
}
