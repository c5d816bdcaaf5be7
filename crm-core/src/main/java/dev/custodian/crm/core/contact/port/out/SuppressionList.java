package dev.custodian.crm.core.contact.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;

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

  boolean isSuppressed(WorkspaceId workspace, EmailAddress email);

  boolean isSuppressed(WorkspaceId workspace, PhoneNumber phone);

  /** Adds the email to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, EmailAddress email, Instant now);

  /** Adds the phone number to the workspace's list; adding it twice changes nothing. */
  void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now);
}
