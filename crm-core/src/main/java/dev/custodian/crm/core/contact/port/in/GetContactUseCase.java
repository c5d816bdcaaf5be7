package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one contact of a workspace. */
public interface GetContactUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or contact */
  Contact get(Actor actor, WorkspaceId workspace, ContactId id);
}
