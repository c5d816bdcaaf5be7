package dev.custodian.crm.persistence.erasure;

import static dev.custodian.crm.persistence.generated.Tables.SUPPRESSION_ENTRIES;

import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Persistence adapter: {@link SuppressionEntryRepository} on {@code suppression_entries}. */
final class JooqSuppressionEntryRepository implements SuppressionEntryRepository {

  private final JooqTransactions transactions;

  JooqSuppressionEntryRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(SuppressionEntry entry) {
    lockIdentifiers(entry.workspace(), Map.of(entry.kind(), entry.keyedHash()), true);
    transactions.dsl(entry.workspace())
        .insertInto(SUPPRESSION_ENTRIES)
        .set(SUPPRESSION_ENTRIES.TENANT_ID, entry.workspace().value())
        .set(SUPPRESSION_ENTRIES.KIND, entry.kind().label())
        .set(SUPPRESSION_ENTRIES.KEYED_HASH, entry.keyedHash())
        .set(SUPPRESSION_ENTRIES.CREATED_AT, SqlTime.utc(entry.createdAt()))
        .onConflictDoNothing()
        .execute();
  }

  /**
   * Two statements whatever the number of identifiers: the locks, then one read of them all. Not
   * one: under READ COMMITTED a statement reads from the snapshot it started with, so a read in
   * the locking statement would miss the entry whose transaction it waited for.
   */
  @Override
  public Set<SuppressionKind> existing(WorkspaceId workspace, Map<SuppressionKind, String> keyedHashes) {
    Set<SuppressionKind> found = EnumSet.noneOf(SuppressionKind.class);
    if (keyedHashes.isEmpty()) {
      return found;
    }
    lockIdentifiers(workspace, keyedHashes, false);
    List<Row2<String, String>> identifiers = keyedHashes.entrySet().stream()
        .map(e -> DSL.row(e.getKey().label(), e.getValue())).toList();
    Set<String> labels = Set.copyOf(transactions.dsl(workspace)
        .select(SUPPRESSION_ENTRIES.KIND)
        .from(SUPPRESSION_ENTRIES)
        .where(SUPPRESSION_ENTRIES.TENANT_ID.eq(workspace.value()))
        .and(DSL.row(SUPPRESSION_ENTRIES.KIND, SUPPRESSION_ENTRIES.KEYED_HASH).in(identifiers))
        .fetch(SUPPRESSION_ENTRIES.KIND));
    keyedHashes.keySet().stream().filter(kind -> labels.contains(kind.label())).forEach(found::add);
    return found;
  }

  /**
   * Two statements whatever the number of identifiers: the workspace list's lock (shared), then one
   * read of them all. One lock, not one per identifier: 1,000 rows of an import would otherwise take
   * 2,000 locks in one transaction; an erasure's {@link #add} takes the same lock exclusively, so
   * the two stay serialised. Each kind's hashes are one array bound once ({@code = any}), probed
   * through the primary key: not a row comparison per identifier, which jOOQ rendered with 4,000
   * bind values for a batch.
   */
  @Override
  public Map<SuppressionKind, Set<String>> existingAmong(WorkspaceId workspace,
      Map<SuppressionKind, Set<String>> keyedHashes) {
    Map<SuppressionKind, Set<String>> found = new EnumMap<>(SuppressionKind.class);
    List<Condition> identifiers = keyedHashes.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .map(e -> SUPPRESSION_ENTRIES.KIND.eq(e.getKey().label())
            .and(SUPPRESSION_ENTRIES.KEYED_HASH.eq(DSL.any(DSL.val(e.getValue().toArray(String[]::new),
                SQLDataType.VARCHAR.array())))))
        .toList();
    if (identifiers.isEmpty()) {
      return found;
    }
    lockList(workspace, false);
    transactions.dsl(workspace)
        .select(SUPPRESSION_ENTRIES.KIND, SUPPRESSION_ENTRIES.KEYED_HASH)
        .from(SUPPRESSION_ENTRIES)
        .where(SUPPRESSION_ENTRIES.TENANT_ID.eq(workspace.value()))
        .and(DSL.or(identifiers))
        .fetch()
        .forEach(r -> java.util.Arrays.stream(SuppressionKind.values()).filter(k -> k.label().equals(r.value1()))
            .findFirst().ifPresent(kind -> found.computeIfAbsent(kind, k -> new java.util.HashSet<>()).add(r.value2())));
    return found;
  }

  @Override
  public void lockForAdditions(WorkspaceId workspace) {
    lockList(workspace, true);
  }

  /**
   * The transaction-scoped advisory lock of the workspace's whole list ({@value #LIST_LOCK_PREFIX}
   * and the workspace id): shared by batch checks, exclusive for an addition. The import rows'
   * erasure takes it exclusively too, before it deletes staged rows, so an erasure and an import
   * batch meet in one order.
   */
  private void lockList(WorkspaceId workspace, boolean exclusive) {
    transactions.dsl(workspace).select(listLock(workspace, exclusive)).fetch();
  }

  private static Field<Object> listLock(WorkspaceId workspace, boolean exclusive) {
    return DSL.function(exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared",
        Object.class, DSL.function("hashtextextended", Long.class, DSL.val(LIST_LOCK_PREFIX + workspace.value()),
            DSL.inline(0L)));
  }

  /** The key of the workspace list's lock, before the workspace id. */
  static final String LIST_LOCK_PREFIX = "suppression-list:";

  /**
   * Transaction-scoped advisory locks on identifiers of one workspace, in one statement and in the
   * order of {@link SuppressionKind} (the order an erasure adds them in, so the two cannot
   * deadlock): a check waits for an erasure that is adding the same identifier, so it sees the
   * entry once that commits.
   */
  private void lockIdentifiers(WorkspaceId workspace, Map<SuppressionKind, String> keyedHashes, boolean withList) {
    List<Field<Object>> locks = new java.util.ArrayList<>();
    if (withList) { // an addition: the whole list's lock first, exclusive, in the same statement
      locks.add(listLock(workspace, true));
    }
    new EnumMap<>(keyedHashes).entrySet().stream()
        .map(e -> DSL.function("pg_advisory_xact_lock", Object.class,
            DSL.function("hashtextextended", Long.class,
                DSL.val("suppression:" + workspace.value() + ":" + e.getKey().label() + ":" + e.getValue()),
                DSL.inline(0L))))
        .forEach(locks::add);
    transactions.dsl(workspace).select(locks).fetch();
  }
}
