package dev.custodian.crm.privacy.erasure.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: erase a contact at the person's request (GDPR Art. 17, PROMISES DSR-04). In one
 * transaction: every record holding the contact's personal data is deleted, the email and phone
 * go on the workspace's suppression list so no intake path re-creates the person, and a receipt
 * without personal data is kept as proof.
 */
public interface EraseContactUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or contact */
  ErasureReceipt erase(Actor actor, WorkspaceId workspace, ContactId contact);
}
