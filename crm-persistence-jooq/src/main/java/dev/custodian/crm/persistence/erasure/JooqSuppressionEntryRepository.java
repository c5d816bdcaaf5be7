package dev.custodian.crm.persistence.erasure;

import static dev.custodian.crm.persistence.generated.Tables.SUPPRESSION_ENTRIES;

import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link SuppressionEntryRepository} on {@code suppression_entries}. */
final class JooqSuppressionEntryRepository implements SuppressionEntryRepository {

  private final JooqTransactions transactions;

  JooqSuppressionEntryRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void add(SuppressionEntry entry) {
    lockIdentifier(entry.workspace(), entry.kind(), entry.keyedHash());
    transactions.dsl(entry.workspace())
        .insertInto(SUPPRESSION_ENTRIES)
        .set(SUPPRESSION_ENTRIES.TENANT_ID, entry.workspace().value())
        .set(SUPPRESSION_ENTRIES.KIND, entry.kind().label())
        .set(SUPPRESSION_ENTRIES.KEYED_HASH, entry.keyedHash())
        .set(SUPPRESSION_ENTRIES.CREATED_AT, SqlTime.utc(entry.createdAt()))
        .onConflictDoNothing()
        .execute();
  }

  @Override
  public boolean exists(WorkspaceId workspace, SuppressionKind kind, String keyedHash) {
    lockIdentifier(workspace, kind, keyedHash);
    return transactions.dsl(workspace).fetchExists(SUPPRESSION_ENTRIES,
        SUPPRESSION_ENTRIES.TENANT_ID.eq(workspace.value())
            .and(SUPPRESSION_ENTRIES.KIND.eq(kind.label()))
            .and(SUPPRESSION_ENTRIES.KEYED_HASH.eq(keyedHash)));
  }

  /**
   * A transaction-scoped advisory lock on one identifier of one workspace: a check waits for an
   * erasure that is adding the same identifier, so it sees the entry once that commits.
   */
  private void lockIdentifier(WorkspaceId workspace, SuppressionKind kind, String keyedHash) {
    transactions.dsl(workspace)
        .select(DSL.function("pg_advisory_xact_lock", Object.class,
            DSL.function("hashtextextended", Long.class,
                DSL.val("suppression:" + workspace.value() + ":" + kind.label() + ":" + keyedHash), DSL.inline(0L))))
        .fetch();
  }
}
