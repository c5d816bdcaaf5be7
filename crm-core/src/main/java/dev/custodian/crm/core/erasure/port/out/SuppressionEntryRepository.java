package dev.custodian.crm.core.erasure.port.out;

import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.EnumMap;
import java.util.HashSet;
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

  /**
   * The keyed hashes, of the many given per kind, that are on the workspace's list: one check for
   * a whole batch of an import. Serialised with {@link #add} without a lock per identifier (an
   * adapter takes one lock of the workspace's list, shared here and exclusive in {@link #add}); by
   * default, one {@link #existing} check per hash.
   *
   * @return the hashes found, per kind (a kind with none found is absent or empty)
   */
  default Map<SuppressionKind, Set<String>> existingAmong(WorkspaceId workspace,
      Map<SuppressionKind, Set<String>> keyedHashes) {
    Map<SuppressionKind, Set<String>> found = new EnumMap<>(SuppressionKind.class);
    keyedHashes.forEach((kind, hashes) -> hashes.forEach(hash -> {
      if (existing(workspace, Map.of(kind, hash)).contains(kind)) {
        found.computeIfAbsent(kind, k -> new HashSet<>()).add(hash);
      }
    }));
    return found;
  }

  /**
   * Takes, until the transaction ends, the lock that {@link #add} takes on the workspace's whole
   * list (exclusive), so an erasure takes it first, before it locks the records it erases: a batch
   * check ({@link #existingAmong}) holds it shared before it writes those records, so the two meet
   * in one order and cannot deadlock. By default nothing (an adapter whose {@link #add} takes no such
   * lock).
   */
  default void lockForAdditions(WorkspaceId workspace) {}
}
