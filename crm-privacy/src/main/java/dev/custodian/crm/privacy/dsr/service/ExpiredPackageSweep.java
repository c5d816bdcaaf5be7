package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.dsr.port.out.PackageStore;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.privacy.dsr.port.in.SweepExpiredPackagesUseCase;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Service: deletes the packages whose download time ended ({@code CRM_DSR_DOWNLOAD_TTL}), with
 * their chunks, one workspace transaction each (audited {@code subject_package_deleted} as
 * {@code SYSTEM}); the list of due ones is read in a platform transaction. Run periodically
 * ({@code DsrModule} schedules it every few minutes, as {@code RetentionJob} does its work).
 */
public final class ExpiredPackageSweep implements SweepExpiredPackagesUseCase {

  /** How many packages one {@link #sweep()} deletes at most. */
  public static final int BATCH = 100;

  private final Transactions transactions;
  private final WorkspaceTransactions audited;
  private final PackageStore store;
  private final Clock clock;

  public ExpiredPackageSweep(Transactions transactions, WorkspaceTransactions audited, PackageStore store,
      Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.audited = Objects.requireNonNull(audited, "audited");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Deletes up to {@link #BATCH} due packages; answers how many it deleted. */
  @Override
  public int sweep() {
    List<PackageStore.Located> due = transactions.inPlatform(() -> store.expired(Timestamps.now(clock), BATCH));
    int deleted = 0;
    for (PackageStore.Located p : due) {
      if (PackageDownloadService.delete(audited, transactions, store, p.workspace(), p.packageId(), Actor.SYSTEM,
          PackageDownloadService.Outcome.EXPIRED)) {
        deleted++;
      }
    }
    return deleted;
  }
}
