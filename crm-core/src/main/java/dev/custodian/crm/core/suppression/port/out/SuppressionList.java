package dev.custodian.crm.core.suppression.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Out-port: the identifiers of people who had their data erased, per workspace. Every intake path
 * asks it before storing an email or phone, so an erased person does not come back through the
 * next import or form; erasure adds to it. crm-privacy implements it with keyed hashes, so the
 * list itself holds no email or phone in clear. Joins the caller's open transaction.
 *
 * <p>Locking: a check and an addition of the same identifier in the same workspace are serialised
 * until the end of their transactions, so an intake running during an erasure cannot miss the
 * entry the erasure is adding.
 */
public interface SuppressionList {

  /** The kind of identifier an intake checks; names the contact's field it came from. */
  enum Identifier {
    EMAIL,
    PHONE
  }

  /**
   * Which of the given identifiers are on the workspace's list. The email and the phone are
   * checked together, so a contact with both costs no more round trips than one with an email
   * only; give only what the intake adds (an update passes neither the email nor the phone it
   * keeps). Neither given: empty, and nothing is asked.
   */
  Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email, Optional<PhoneNumber> phone);

  /** Adds the email to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, EmailAddress email, Instant now);

  /** Adds the phone number to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now);

  /**
   * A list that suppresses nothing and takes no entries: for use cases that never meet an email or
   * phone (a company's or deal's without custom fields).
   */
  static SuppressionList none() {
    return new SuppressionList() {
      @Override
      public Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email,
          Optional<PhoneNumber> phone) {
        return Set.of();
      }

      @Override
      public void suppress(WorkspaceId workspace, EmailAddress email, Instant now) {
        throw new UnsupportedOperationException("no suppression list");
      }

      @Override
      public void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now) {
        throw new UnsupportedOperationException("no suppression list");
      }
    };
  }
}
