package dev.custodian.crm.core.contact.port.out;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the unlink seam of a plain delete: a store whose rows may link to a contact (deals,
 * activities, tasks). Deleting a contact asks each of them, in the delete's transaction, to drop
 * their links to it first; what a row left without links becomes is the store's rule (a deal or a
 * task stays, at its next version; an activity goes). A new kind of record that links to contacts
 * plugs in here without changing the delete use case. Not the erasure: that has its own
 * participants.
 */
public interface ContactLinks {

  /**
   * Drops every link of the workspace's rows to {@code contact}; nothing else of a row changes.
   * Joins the caller's transaction and is scoped to {@code workspace}, as repositories are; reads
   * no free text.
   *
   * @return how many rows were changed or removed
   */
  int unlinkContact(WorkspaceId workspace, ContactId contact);
}
