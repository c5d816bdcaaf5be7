package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.consent.ConsentConfirmation;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: pending double opt-ins (CON-01), each with the hash of its mailed token (never the
 * token). Every method is scoped to the given workspace, joins the caller's open transaction, and
 * fails with {@link IllegalStateException} when none is open.
 */
public interface ConsentConfirmations {

  void add(ConsentConfirmation confirmation);

  /** How many confirmations of the contact and purpose were requested at or after {@code since}. */
  int countSince(WorkspaceId workspace, ContactId contact, PurposeKey purpose, Instant since);

  /** The confirmation, while it is unused. */
  Optional<ConsentConfirmation> findUnused(WorkspaceId workspace, UUID id);

  /**
   * Sets the hash of a newly mailed token, valid until {@code expiresAt}, replacing an older one
   * (whose link stops working); false when the confirmation is used or gone.
   */
  boolean mint(WorkspaceId workspace, UUID id, String tokenHash, Instant expiresAt);

  /** Voids the confirmation's current token (its mail was not delivered). */
  void voidToken(WorkspaceId workspace, UUID id);

  /**
   * Uses the confirmation whose token has this hash, if it is unused and not expired at
   * {@code now}; one conditional update decides, so of two concurrent uses exactly one gets it.
   */
  Optional<ConsentConfirmation> use(WorkspaceId workspace, String tokenHash, Instant now);

  /** Deletes the contact's confirmations (erasure). @return how many went */
  int removeFor(WorkspaceId workspace, ContactId contact);
}
