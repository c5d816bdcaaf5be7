package dev.custodian.crm.core.tenant.service;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.port.out.Transactions;
import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.core.tenant.port.out.WorkspaceRepository;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How every use case on tenant-owned data runs: one tenant transaction that first checks, inside
 * that same transaction, that the workspace exists (else {@link NotFoundException}).
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final WorkspaceRepository workspaces;

  public WorkspaceTransactions(Transactions transactions, WorkspaceRepository workspaces) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
  }

  /** Runs {@code work} in a transaction of {@code tenant}, which must exist. */
  public <T> T inWorkspace(TenantId tenant, Supplier<T> work) {
    return transactions.inTenant(tenant, () -> {
      if (workspaces.findById(tenant).isEmpty()) {
        throw new NotFoundException("workspace");
      }
      return work.get();
    });
  }
}
