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
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link SuppressionEntryRepository} on {@code suppression_entries}. */
final class JooqSuppressionEntryRepository implements SuppressionEntryRepository {

  private final JooqTransactions transactions;

  JooqSuppressionEntryRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(SuppressionEntry entry) {
    lockIdentifiers(entry.workspace(), Map.of(entry.kind(), entry.keyedHash()));
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
    lockIdentifiers(workspace, keyedHashes);
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
   * Transaction-scoped advisory locks on identifiers of one workspace, in one statement and in the
   * order of {@link SuppressionKind} (the order an erasure adds them in, so the two cannot
   * deadlock): a check waits for an erasure that is adding the same identifier, so it sees the
   * entry once that commits.
   */
  private void lockIdentifiers(WorkspaceId workspace, Map<SuppressionKind, String> keyedHashes) {
    List<Field<Object>> locks = new EnumMap<>(keyedHashes).entrySet().stream()
        .map(e -> DSL.function("pg_advisory_xact_lock", Object.class,
            DSL.function("hashtextextended", Long.class,
                DSL.val("suppression:" + workspace.value() + ":" + e.getKey().label() + ":" + e.getValue()),
                DSL.inline(0L))))
        .toList();
    transactions.dsl(workspace).select(locks).fetch();
  }
}
