package dev.custodian.crm.core.tenancy;

import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How every use case on workspace-owned data runs: one workspace transaction that first checks, inside
 * that same transaction, that the workspace exists (else {@link NotFoundException}).
 */
public final class WorkspaceTransactions {

  private final Transactions transactions;
  private final WorkspaceDirectory directory;

  public WorkspaceTransactions(Transactions transactions, WorkspaceDirectory directory) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /** Runs {@code work} in a transaction of {@code workspace}, which must exist. */
  public <T> T inExistingWorkspace(WorkspaceId workspace, Supplier<T> work) {
    return transactions.inWorkspace(workspace, () -> {
      if (!directory.exists(workspace)) {
        throw new NotFoundException("workspace");
      }
      return work.get();
    });
  }

  /** One page of a workspace's rows, listed by {@code list} in a transaction of that workspace. */
  public <T> Page<T> page(PageQuery query, BiFunction<WorkspaceId, PageRequest, Page<T>> list) {
    return inExistingWorkspace(query.workspace(), () -> list.apply(query.workspace(), query.page()));
  }
}
