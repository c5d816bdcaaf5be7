package dev.custodian.crm.core.tenancy;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How every use case on tenant-owned data runs: one tenant transaction that first checks, inside
 * that same transaction, that the workspace exists (else {@link NotFoundException}).
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final TenantDirectory tenants;

  public WorkspaceTransactions(Transactions transactions, TenantDirectory tenants) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.tenants = Objects.requireNonNull(tenants, "tenants");
  }

  /** Runs {@code work} in a transaction of {@code tenant}, which must exist. */
  public <T> T inWorkspace(TenantId tenant, Supplier<T> work) {
    return transactions.inTenant(tenant, () -> {
      if (!tenants.exists(tenant)) {
        throw new NotFoundException("workspace");
      }
      return work.get();
    });
  }

  /** One page of a workspace's rows, listed by {@code list} in a transaction of that workspace. */
  public <T> Page<T> page(PageQuery query, BiFunction<TenantId, PageRequest, Page<T>> list) {
    return inWorkspace(query.tenant(), () -> list.apply(query.tenant(), query.page()));
  }
}
