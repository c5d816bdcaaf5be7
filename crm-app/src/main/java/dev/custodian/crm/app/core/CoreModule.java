package dev.custodian.crm.app.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.custodian.crm.app.AccountConfig;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.imports.service.ImportSettings;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.workspace.WorkspaceInitializer;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.Argon2PasswordHasher;
import java.time.Clock;
import java.util.Set;

/**
 * Wiring: the library's entry point, {@link Custodian}, built exactly as an embedder builds it
 * (so the server and an embedder cannot drift apart), with the clock and id generator. Every
 * feature module takes its use cases from it; a module that holds a contact's personal data adds
 * its {@link ErasureParticipant} to the set with {@code @ProvidesIntoSet}, and one that gives a new
 * workspace something to start with (besides the built-in default pipeline) its
 * {@link WorkspaceInitializer}.
 */
public final class CoreModule extends AbstractModule {

  private final AccountConfig accounts;
  private final Clock clock;
  private final int retentionBatchSize;

  /**
   * @param clock the clock every stored time is read from (the system's UTC clock when serving)
   * @param retentionBatchSize rows the retention engine deletes per transaction
   */
  public CoreModule(AccountConfig accounts, Clock clock, int retentionBatchSize) {
    this.accounts = java.util.Objects.requireNonNull(accounts, "accounts");
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    this.retentionBatchSize = retentionBatchSize;
  }

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ErasureParticipant.class); // may stay empty
    Multibinder.newSetBinder(binder(), WorkspaceInitializer.class); // may stay empty
    OptionalBinder.newOptionalBinder(binder(), ImportSettings.class); // the imports' module may set them
  }

  @Provides
  @Singleton
  Clock clock() {
    return clock;
  }

  @Provides
  @Singleton
  IdGenerator ids() {
    return IdGenerator.random();
  }

  /** Checks the master key against the database while it is built (see {@code MasterKeys}). */
  @Provides
  @Singleton
  Custodian custodian(JooqPersistence persistence, KeyProvider keys, Clock clock, IdGenerator ids,
      Set<ErasureParticipant> erasureParticipants, Set<WorkspaceInitializer> workspaceInitializers,
      java.util.Optional<ImportSettings> importSettings) {
    Custodian.Builder builder = Custodian.builder().persistence(persistence).keys(keys).clock(clock).ids(ids)
        .minimumAge(accounts.minimumAge())
        .throttle(accounts.throttleLimit(), accounts.throttleWindow())
        .sessions(accounts.sessions())
        .invitations(accounts.invitationTtl())
        .consentConfirmations(accounts.consentConfirmationTtl())
        .retentionBatchSize(retentionBatchSize)
        .subjectPackages(accounts.dsrDownloadTtl())
        .passwordHasher(new Argon2PasswordHasher(accounts.argon2MemoryKib(), accounts.argon2Iterations(),
            accounts.argon2Parallelism(), accounts.argon2MaxConcurrent()));
    importSettings.ifPresent(builder::imports);
    erasureParticipants.forEach(builder::erasureParticipant);
    workspaceInitializers.forEach(builder::workspaceInitializer);
    return builder.build();
  }
}
