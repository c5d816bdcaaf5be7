package dev.custodian.crm.app.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.tenancy.WorkspaceDirectory;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceTransactions;
import java.time.Clock;

/** Wiring: what every feature shares, the clock, the id generator and workspace transactions. */
public final class CoreModule extends AbstractModule {

  @Provides
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Provides
  @Singleton
  IdGenerator ids() {
    return IdGenerator.random();
  }

  /** How every use case on workspace-owned data opens its transaction. */
  @Provides
  @Singleton
  WorkspaceTransactions workspaceTransactions(Transactions transactions, WorkspaceDirectory directory) {
    return new WorkspaceTransactions(transactions, directory);
  }
}
