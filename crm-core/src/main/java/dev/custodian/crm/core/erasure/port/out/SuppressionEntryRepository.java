package dev.custodian.crm.core.erasure.port.out;

import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port: stores suppression entries (keyed hashes only). Scoped to the given workspace; joins
 * the caller's open transaction. A check and an addition of the same identifier in the same
 * workspace are serialised until the end of their transactions, so an intake running during an
 * erasure cannot miss the entry the erasure is adding.
 */
public interface SuppressionEntryRepository {

  /** Adds the entry; adding one that is already there changes nothing. */
  void add(SuppressionEntry entry);

  boolean exists(WorkspaceId workspace, SuppressionKind kind, String keyedHash);
}
