package dev.custodian.crm.core.erasure;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.UUID;

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

  /**
   * As {@link #eraseContact}, also naming the records this participant kept whose free text may
   * still name the person (an activity shared with other contacts): the receipt lists them for a
   * person to check, since no participant reads or rewrites free text. By default none.
   */
  default Outcome erase(WorkspaceId workspace, ContactId contact) {
    return new Outcome(eraseContact(workspace, contact), List.of());
  }

  /**
   * What one participant did: how many records it removed (or unlinked), and the ids of those it
   * kept for review.
   */
  record Outcome(int removed, List<UUID> forReview) {
    public Outcome {
      if (removed < 0) {
        throw new IllegalArgumentException("removed is a count");
      }
      forReview = List.copyOf(forReview);
    }
  }
}
