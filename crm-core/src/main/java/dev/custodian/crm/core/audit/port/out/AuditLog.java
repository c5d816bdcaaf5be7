package dev.custodian.crm.core.audit.port.out;

import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditVerification;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Out-port: the audit trail (SEC-09). Every call joins the open transaction: an append locks its
 * chain's head and is committed, or rolled back, with the audited action, so there is no gap, no
 * fork and no entry of an action that did not happen. crm-privacy's {@code ChainedAuditLog}
 * seals and encrypts over an {@link AuditStore}.
 */
public interface AuditLog {

  /** Appends {@code event} to {@code chain}; answers its sequence. */
  long append(AuditChain chain, AuditEvent event);

  /** Up to {@code limit} entries, newest first, below {@code below} (a sequence) when given. */
  List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit);

  /**
   * Appends {@code event} and hands every entry of the chain up to and including it, oldest first:
   * an export that records itself, in one round trip where the store can.
   *
   * @return the appended event's sequence
   */
  default long appendReadingAll(AuditChain chain, AuditEvent event, Consumer<AuditEntry> each) {
    long sequence = append(chain, event);
    forEachOldestFirst(chain, each);
    return sequence;
  }

  /** Every entry of the chain, oldest first, one at a time (an export streams them). */
  void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each);

  /** Recomputes the chain and compares it with what is stored. */
  AuditVerification verify(AuditChain chain);

  /** An account's own sign-in events (platform chain), newest first. */
  List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit);

  /** Destroys the subject's key: its entries' personal fields read as erased from now on; false if it had none. */
  boolean forget(UUID subject);

  /** Every chain that has an entry: the platform's and each workspace's. */
  List<AuditChain> chains();

  /** A log that records nothing, for tests of features that do not look at the trail. */
  AuditLog NONE = new AuditLog() {
    @Override
    public long append(AuditChain chain, AuditEvent event) {
      return 0;
    }

    @Override
    public List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
      return List.of();
    }

    @Override
    public void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each) {}

    @Override
    public AuditVerification verify(AuditChain chain) {
      return new AuditVerification(chain, 0, java.util.Optional.empty());
    }

    @Override
    public List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit) {
      return List.of();
    }

    @Override
    public boolean forget(UUID subject) {
      return false;
    }

    @Override
    public List<AuditChain> chains() {
      return List.of();
    }
  };
}
