package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the erasure seam: every store that holds a contact's personal data (the contact
 * itself today; activities, consent history, messages later) takes part in an erasure through one
 * of these, so a new kind of record plugs in without changing the erasure use case. Runs inside
 * the erasure's workspace transaction.
 */
public interface ErasureParticipant {

  /** A stable name for the receipt, e.g. {@code contacts}. */
  String name();

  /**
   * Deletes every record of this participant that holds the contact's personal data.
   *
   * @return how many records were removed
   */
  int eraseContact(WorkspaceId workspace, ContactId contact);
}
