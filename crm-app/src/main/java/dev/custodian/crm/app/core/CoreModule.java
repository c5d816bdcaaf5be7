package dev.custodian.crm.app.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.privacy.Custodian;
import java.time.Clock;
import java.util.Set;

/**
 * Wiring: the library's entry point, {@link Custodian}, built exactly as an embedder builds it
 * (so the server and an embedder cannot drift apart), with the clock and id generator. Every
 * feature module takes its use cases from it; a module that holds a contact's personal data adds
 * its {@link ErasureParticipant} to the set with {@code @ProvidesIntoSet}.
 */
public final class CoreModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), ErasureParticipant.class); // may stay empty
  }

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

  /** Checks the master key against the database while it is built (see {@code MasterKeys}). */
  @Provides
  @Singleton
  Custodian custodian(JooqPersistence persistence, KeyProvider keys, Clock clock, IdGenerator ids,
      Set<ErasureParticipant> erasureParticipants) {
    Custodian.Builder builder = Custodian.builder().persistence(persistence).keys(keys).clock(clock).ids(ids);
    erasureParticipants.forEach(builder::erasureParticipant);
    return builder.build();
  }
}
