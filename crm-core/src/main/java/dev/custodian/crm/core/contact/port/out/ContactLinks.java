package dev.custodian.crm.core.contact.port.out;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the unlink seam of contacts: a store whose rows may link to a contact (deals today).
 * Deleting a contact asks each of them, in the delete's transaction, to drop their links first, so
 * the rows stay, each at its next version (its representation changed), and the contact goes; a new
 * kind of record that links to contacts plugs in here without changing the delete use case.
 */
public interface ContactLinks {

  /**
   * Removes every link of the workspace's rows to {@code contact}; each row changed gets its next
   * version, nothing else of it changes. Joins the caller's transaction and is scoped to
   * {@code workspace}, as repositories are; reads no free text.
   *
   * @return how many links were removed
   */
  int unlinkContact(WorkspaceId workspace, ContactId contact);
}
