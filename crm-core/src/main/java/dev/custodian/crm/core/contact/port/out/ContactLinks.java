package dev.custodian.crm.core.contact.port.out;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the unlink seam of a plain delete: a store whose rows may link to a contact
 * (activities, tasks). Deleting a contact asks each of them, in the delete's transaction, to drop
 * their links to it first; what a row left without links becomes is the store's rule (an activity
 * goes, a task stays). Not the erasure: that has its own participants.
 */
public interface ContactLinks {

  /**
   * Drops every link of the workspace's rows to {@code contact}. Joins the caller's transaction
   * and is scoped to {@code workspace}, as repositories are.
   *
   * @return how many rows were changed or removed
   */
  int unlinkContact(WorkspaceId workspace, ContactId contact);
}
