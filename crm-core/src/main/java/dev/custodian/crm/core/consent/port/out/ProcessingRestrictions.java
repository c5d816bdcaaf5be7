package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: which contacts' processing is restricted (Art. 18, DSR-07): their data stays stored but
 * the guard refuses every purpose. A restriction goes with its contact. Every method is scoped to
 * the given workspace, joins the caller's open transaction, and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface ProcessingRestrictions {

  /**
   * Restricts the contact's processing from {@code at}.
   *
   * @return false when it was restricted already (the first time stays)
   */
  boolean restrict(WorkspaceId workspace, ContactId contact, Instant at);

  /** @return false when it was not restricted */
  boolean lift(WorkspaceId workspace, ContactId contact);

  /** Since when the contact's processing is restricted, if it is. */
  Optional<Instant> restrictedSince(WorkspaceId workspace, ContactId contact);
}
