package dev.custodian.crm.core.erasure.port.out;

import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Map;
import java.util.Set;

/**
 * Out-port: stores suppression entries (keyed hashes only). Scoped to the given workspace; joins
 * the caller's open transaction. A check and an addition of the same identifier in the same
 * workspace are serialised until the end of their transactions, so an intake running during an
 * erasure cannot miss the entry the erasure is adding.
 */
public interface SuppressionEntryRepository {

  /** Adds the entry; adding one that is already there changes nothing. */
  void add(SuppressionEntry entry);

  /**
   * The kinds whose keyed hash, of the ones given (at most one per kind), is on the workspace's
   * list. All are checked at once: an email and a phone cost what one identifier does. Identifiers
   * are locked in the order of {@link SuppressionKind}, as an erasure adds them. None given:
   * empty, and nothing is asked.
   */
  Set<SuppressionKind> existing(WorkspaceId workspace, Map<SuppressionKind, String> keyedHashes);
}
