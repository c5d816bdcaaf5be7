package dev.custodian.crm.core.audit.port.out;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Out-port: the audit trail's rows as stored, sealed and encrypted by the log above it. The entry
 * tables are append-only for the application role; heads move only with an append. Every call
 * joins the open transaction (a workspace chain's rows only in that workspace's).
 */
public interface AuditStore {

  /** A chain's last entry: its sequence and hash. */
  record Head(long sequence, byte[] hash) {
    public Head {
      Objects.requireNonNull(hash, "hash");
    }
  }

  /**
   * One entry as stored: personal fields as ciphertexts, the encoding version it was sealed with,
   * the previous entry's hash and its own; as read by a store that {@link #readsSubjectKeys()
   * reads subject keys along}, also its subject's wrapped key (empty: none, or forgotten).
   */
  record Row(AuditChain chain, long sequence, Instant at, AuditActor actor, AuditAction action,
      AuditTargetType targetType, Optional<UUID> targetId, AuditOutcome outcome, AuditDetails details,
      Optional<UUID> subject, Optional<byte[]> email, Optional<byte[]> ip, Optional<byte[]> userAgent,
      int encoding, byte[] previousHash, byte[] hash, Optional<byte[]> subjectKey) {

    /** A row as written (no subject key read along). */
    public Row(AuditChain chain, long sequence, Instant at, AuditActor actor, AuditAction action,
        AuditTargetType targetType, Optional<UUID> targetId, AuditOutcome outcome, AuditDetails details,
        Optional<UUID> subject, Optional<byte[]> email, Optional<byte[]> ip, Optional<byte[]> userAgent,
        int encoding, byte[] previousHash, byte[] hash) {
      this(chain, sequence, at, actor, action, targetType, targetId, outcome, details, subject, email, ip, userAgent,
          encoding, previousHash, hash, Optional.empty());
    }

    public Row {
      Objects.requireNonNull(subjectKey, "subjectKey");
      Objects.requireNonNull(chain, "chain");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(targetType, "targetType");
      Objects.requireNonNull(targetId, "targetId");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(details, "details");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(ip, "ip");
      Objects.requireNonNull(userAgent, "userAgent");
      Objects.requireNonNull(previousHash, "previousHash");
      Objects.requireNonNull(hash, "hash");
    }
  }

  /** The encoding of a row that cannot be read back: no entry has it, so it never verifies. */
  int UNREADABLE = 0;

  /** The chain's head, locked ({@code FOR UPDATE}) until the transaction ends; empty for a chain without entries. */
  Optional<Head> lockHead(AuditChain chain);

  /** The chain's head as it is, unlocked. */
  Optional<Head> head(AuditChain chain);

  /**
   * Inserts the row and moves its chain's head to it, in one statement, if the head is still the
   * row's predecessor (its sequence less one and its hash the row's previous hash; no head for a
   * first row); else changes nothing and answers false. A concurrent append holding the head waits
   * first, so two transactions never both move the head from the same place: no fork.
   */
  default boolean appendIfHead(Row row) {
    return appendIfHead(row, Optional.empty());
  }

  /**
   * As {@link #appendIfHead(Row)}, and, when {@code subjectKey} is given, only if the row's subject's
   * stored wrapped key is still exactly those bytes (checked in the same statement): the log
   * encrypts with a key it remembered, and this proves that key is the stored, committed one (not
   * forgotten meanwhile, nor made by a transaction that rolled back). Answers false otherwise.
   */
  boolean appendIfHead(Row row, Optional<byte[]> subjectKey);

  /**
   * As {@link #appendIfHead(Row, Optional)}, and in the same statement every row of the chain
   * before it, oldest first, handed to {@code each} together with the row itself when it was
   * appended: one round trip for an export that records itself. Hands nothing and answers false
   * when the head moved.
   */
  default boolean appendIfHeadReadingAll(Row row, Optional<byte[]> subjectKey, Consumer<Row> each) {
    if (!appendIfHead(row, subjectKey)) {
      return false;
    }
    forEachOldestFirst(row.chain(), each);
    return true;
  }

  /** Up to {@code limit} rows, newest first, below the sequence {@code below} when given. */
  List<Row> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit);

  /**
   * Every row of the chain, oldest first, and its head, both as one statement saw them (one
   * snapshot: an append committing meanwhile is in neither or in both). A row that cannot be read
   * as the application wrote it (changed outside it: an unknown action, a hash that is no hex)
   * comes with {@link #UNREADABLE} as its encoding, its sequence if that is readable, and stand-in
   * values, so that verification names it instead of failing.
   */
  Optional<Head> forEachOldestFirst(AuditChain chain, Consumer<Row> each);

  /** The platform chain's sign-in rows of one subject, newest first. */
  List<Row> signInsOf(UUID subject, List<AuditAction> signIns, OptionalLong below, int limit);

  /**
   * Whether the rows this store reads carry their subject's wrapped key ({@link Row#subjectKey()}),
   * read in the same statement, so the log need not ask {@link #subjectKey} for each subject.
   */
  default boolean readsSubjectKeys() {
    return false;
  }

  /** A subject's wrapped key, if it has one. */
  Optional<byte[]> subjectKey(UUID subject);

  /** Stores a subject's wrapped key, made at {@code createdAt}; the first one stored wins (answered). */
  byte[] insertSubjectKey(UUID subject, byte[] wrapped, Instant createdAt);

  /** Deletes a subject's wrapped key; false if it had none. */
  boolean deleteSubjectKey(UUID subject);

  /** Every chain that has a head. */
  List<AuditChain> chains();
}
