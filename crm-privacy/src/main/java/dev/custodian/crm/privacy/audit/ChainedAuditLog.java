package dev.custodian.crm.privacy.audit;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditEntry;
import dev.custodian.crm.core.audit.AuditEvent;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.audit.PersonalFields;
import dev.custodian.crm.core.audit.port.out.AuditLog;
import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The core's {@link AuditLog}, sealed and encrypted here over an {@link AuditStore} (SEC-09,
 * RET-08).
 *
 * <p>Each entry's hash is HMAC-SHA256 under its chain's key ({@code KeyDerivation.workspaceKey(
 * master, "audit-chain", workspace)} or {@code platformKey(master, "audit-chain")}) over its
 * canonical encoding ({@link AuditSeal}), which holds the previous entry's hash and the ciphertexts
 * of its personal fields: a database superuser without the master key can neither change an
 * entry nor rebuild a consistent chain, and the chain verifies without the personal fields'
 * keys, so it still verifies once a subject is forgotten.
 *
 * <p>Personal fields (email, IP, user agent) are encrypted with AES-256-GCM under a random key of
 * the subject account (an API key's entries: its creator's), with the chain, sequence and field
 * in the associated data. That key is stored only wrapped under {@code platformKey(master,
 * "audit-subject")}, the subject in the associated data; {@link #forget} deletes it, and the
 * fields then read as erased.
 *
 * <p>An append first tries to move the head from where this instance last saw it, in one
 * statement; when another append moved it meanwhile, it locks the head ({@code FOR UPDATE}) and
 * tries from there. Either way it joins the audited action's transaction. Likewise it encrypts with
 * the subject key this instance last used for that account, and the same statement checks that
 * key is still the stored one (not forgotten meanwhile, not made by a transaction that rolled
 * back); when it is not, the key is read again. So an audited action costs one statement, not
 * three. Reads always read the stored key, so a forgotten subject reads as erased at once.
 */
public final class ChainedAuditLog implements AuditLog {

  private static final String CHAIN_PURPOSE = "audit-chain";
  private static final String SUBJECT_PURPOSE = "audit-subject";
  private static final int MAX_CACHED_HEADS = 10_000;
  private static final int MAX_ATTEMPTS = 20;

  private final AuditStore store;
  private final KeyProvider keys;
  private final Clock clock;
  /** Where each chain's head was last seen: a guess, checked by the append's own statement. */
  private final Map<AuditChain, AuditStore.Head> lastHeads = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<AuditChain, AuditStore.Head> eldest) {
      return size() > MAX_CACHED_HEADS;
    }
  };

  /** The subject keys appends last used: a guess, checked by the append's own statement. */
  private final Map<UUID, SubjectKey> lastSubjectKeys = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, SubjectKey> eldest) {
      return size() > MAX_CACHED_HEADS;
    }
  };

  /** A subject's key as stored (wrapped) and as a cipher. */
  private record SubjectKey(byte[] wrapped, SecretCipher cipher) {}

  public ChainedAuditLog(AuditStore store, KeyProvider keys, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long append(AuditChain chain, AuditEvent event) {
    return append(chain, event, Optional.empty());
  }

  /**
   * One statement when this instance knows where the head is: the append and the read of every
   * entry; when the head moved meanwhile, the head is locked, the entry appended, then read.
   */
  @Override
  public long appendReadingAll(AuditChain chain, AuditEvent event, Consumer<AuditEntry> each) {
    Decrypter decrypter = new Decrypter();
    boolean[] handed = {false};
    long sequence = append(chain, event, Optional.of(row -> {
      handed[0] = true;
      if (row.encoding() == AuditStore.UNREADABLE) {
        throw new IllegalStateException("audit entry " + row.sequence() + " cannot be read: verify the chain");
      }
      each.accept(decrypter.entry(row));
    }));
    if (!handed[0]) {
      forEachOldestFirst(chain, each); // appended on a later try: read after it
    }
    return sequence;
  }

  /**
   * The append; with {@code reader}, its first try also hands every row to it as the store streams
   * them (only if that try appended: the store hands nothing otherwise).
   */
  private long append(AuditChain chain, AuditEvent event, Optional<Consumer<AuditStore.Row>> reader) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(event, "event");
    if (event.action().platform() != chain.isPlatform()) {
      throw new IllegalArgumentException(event.action() + " belongs to another kind of chain");
    }
    Instant at = Timestamps.now(clock);
    byte[] chainKey = chainKey(chain);
    Optional<UUID> subject = event.personal().isEmpty() ? Optional.empty() : Optional.of(event.subject().orElseThrow());
    Optional<SubjectKey> subjectKey = subject.map(s -> cachedSubjectKey(s).orElseGet(() -> storedSubjectKey(s)));
    Optional<AuditStore.Head> head = cachedHead(chain);
    boolean locked = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      AuditStore.Row row = row(chain, head, at, event, subjectKey.map(SubjectKey::cipher), chainKey);
      Optional<byte[]> expectedKey = subjectKey.map(SubjectKey::wrapped);
      boolean appended = attempt == 0 && reader.isPresent()
          ? store.appendIfHeadReadingAll(row, expectedKey, reader.get())
          : store.appendIfHead(row, expectedKey);
      if (appended) {
        remember(chain, new AuditStore.Head(row.sequence(), row.hash()));
        Optional<SubjectKey> used = subjectKey;
        subject.ifPresent(s -> rememberSubjectKey(s, used.orElseThrow()));
        return row.sequence();
      }
      if (locked && attempt > 1) {
        Thread.onSpinWait();
      }
      // the head moved, or the remembered key is not the stored one: read both as they are
      subjectKey = subject.map(this::storedSubjectKey);
      head = store.lockHead(chain);
      locked = true;
    }
    throw new IllegalStateException("the audit chain's head kept moving");
  }

  private AuditStore.Row row(AuditChain chain, Optional<AuditStore.Head> head, Instant at, AuditEvent event,
      Optional<SecretCipher> subjectCipher, byte[] chainKey) {
    long sequence = head.map(h -> h.sequence() + 1).orElse(1L);
    byte[] previous = head.map(AuditStore.Head::hash).orElse(AuditSeal.GENESIS);
    PersonalFields personal = event.personal();
    Optional<byte[]> email = subjectCipher.flatMap(c -> personal.email().map(v -> c.encrypt(utf8(v), fieldData(chain, sequence, "email"))));
    Optional<byte[]> ip = subjectCipher.flatMap(c -> personal.ip().map(v -> c.encrypt(utf8(v), fieldData(chain, sequence, "ip"))));
    Optional<byte[]> agent = subjectCipher.flatMap(c -> personal.userAgent().map(v -> c.encrypt(utf8(v),
        fieldData(chain, sequence, "user_agent"))));
    AuditStore.Row unsealed = new AuditStore.Row(chain, sequence, at, event.actor(), event.action(), event.targetType(),
        event.targetId(), event.outcome(), event.details(), event.subject(), email, ip, agent, AuditSeal.VERSION,
        previous, new byte[0]);
    byte[] hash = AuditSeal.seal(chainKey, unsealed);
    return new AuditStore.Row(chain, sequence, at, event.actor(), event.action(), event.targetType(), event.targetId(),
        event.outcome(), event.details(), event.subject(), email, ip, agent, AuditSeal.VERSION, previous, hash);
  }

  @Override
  public List<AuditEntry> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
    Decrypter decrypter = new Decrypter();
    return store.newestFirst(chain, filter, below, limit).stream().map(decrypter::entry).toList();
  }

  @Override
  public void forEachOldestFirst(AuditChain chain, Consumer<AuditEntry> each) {
    Decrypter decrypter = new Decrypter();
    store.forEachOldestFirst(chain, row -> {
      if (row.encoding() == AuditStore.UNREADABLE) {
        throw new IllegalStateException("audit entry " + row.sequence() + " cannot be read: verify the chain");
      }
      each.accept(decrypter.entry(row));
    });
  }

  @Override
  public List<AuditEntry> signInsOf(UUID account, OptionalLong below, int limit) {
    List<AuditAction> signIns = Arrays.stream(AuditAction.values()).filter(AuditAction::signIn).toList();
    Decrypter decrypter = new Decrypter();
    return store.signInsOf(account, signIns, below, limit).stream().map(decrypter::entry).toList();
  }

  @Override
  public AuditVerification verify(AuditChain chain) {
    byte[] chainKey = chainKey(chain);
    long[] expected = {1};
    byte[][] previous = {AuditSeal.GENESIS};
    AuditVerification.Break[] broken = {null};
    // The rows and the head from one snapshot: an append committing meanwhile is in neither or both.
    Optional<AuditStore.Head> head = store.forEachOldestFirst(chain, row -> {
      if (broken[0] != null) {
        return;
      }
      if (row.sequence() != expected[0]) {
        broken[0] = new AuditVerification.Break(expected[0], AuditVerification.BreakKind.GAP);
      } else if (row.encoding() == AuditStore.UNREADABLE) {
        broken[0] = new AuditVerification.Break(row.sequence(), AuditVerification.BreakKind.CONTENT_CHANGED);
      } else if (!MessageDigest.isEqual(row.previousHash(), previous[0])) {
        broken[0] = new AuditVerification.Break(row.sequence(), AuditVerification.BreakKind.LINK_BROKEN);
      } else if (row.encoding() != AuditSeal.VERSION
          || !MessageDigest.isEqual(AuditSeal.seal(chainKey, row), row.hash())) {
        broken[0] = new AuditVerification.Break(row.sequence(), AuditVerification.BreakKind.CONTENT_CHANGED);
      }
      expected[0] = row.sequence() + 1;
      previous[0] = row.hash();
    });
    long entries = expected[0] - 1;
    if (broken[0] == null) {
      long headSequence = head.map(AuditStore.Head::sequence).orElse(0L);
      byte[] headHash = head.map(AuditStore.Head::hash).orElse(AuditSeal.GENESIS);
      if (headSequence != entries || !MessageDigest.isEqual(headHash, previous[0])) {
        broken[0] = new AuditVerification.Break(Math.max(headSequence, entries), AuditVerification.BreakKind.HEAD_MISMATCH);
      }
    }
    return new AuditVerification(chain, entries, Optional.ofNullable(broken[0]));
  }

  @Override
  public boolean forget(UUID subject) {
    synchronized (lastSubjectKeys) {
      lastSubjectKeys.remove(subject);
    }
    return store.deleteSubjectKey(subject);
  }

  @Override
  public List<AuditChain> chains() {
    return store.chains();
  }

  private Optional<AuditStore.Head> cachedHead(AuditChain chain) {
    synchronized (lastHeads) {
      return Optional.ofNullable(lastHeads.get(chain));
    }
  }

  private void remember(AuditChain chain, AuditStore.Head head) {
    synchronized (lastHeads) {
      lastHeads.put(chain, head);
    }
  }

  private byte[] chainKey(AuditChain chain) {
    byte[] master = keys.masterKey();
    try {
      return chain.workspace()
          .map(workspace -> KeyDerivation.workspaceKey(master, CHAIN_PURPOSE, workspace))
          .orElseGet(() -> KeyDerivation.platformKey(master, CHAIN_PURPOSE));
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  private Optional<SubjectKey> cachedSubjectKey(UUID subject) {
    synchronized (lastSubjectKeys) {
      return Optional.ofNullable(lastSubjectKeys.get(subject));
    }
  }

  private void rememberSubjectKey(UUID subject, SubjectKey key) {
    synchronized (lastSubjectKeys) {
      lastSubjectKeys.put(subject, key);
    }
  }

  /** The subject's key as stored, made and stored (wrapped) on first use. */
  private SubjectKey storedSubjectKey(UUID subject) {
    SecretCipher wrapper = wrapper();
    byte[] wrapped = store.subjectKey(subject).orElseGet(() -> {
      byte[] key = SecretCipher.newKey();
      try {
        return store.insertSubjectKey(subject, wrapper.encrypt(key, subjectData(subject)), Timestamps.now(clock));
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    });
    return new SubjectKey(wrapped, unwrap(subject, wrapped));
  }

  /** The subject's stored key as a cipher, for reading; empty once forgotten. */
  private Optional<SecretCipher> subjectCipher(UUID subject) {
    return store.subjectKey(subject).map(wrapped -> unwrap(subject, wrapped));
  }

  private SecretCipher unwrap(UUID subject, byte[] wrapped) {
    byte[] key = wrapper().decrypt(wrapped, subjectData(subject));
    try {
      return new SecretCipher(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private SecretCipher wrapper() {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.platformKey(master, SUBJECT_PURPOSE);
    try {
      return new SecretCipher(key);
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] subjectData(UUID subject) {
    return utf8("audit-subject:" + subject);
  }

  private static byte[] fieldData(AuditChain chain, long sequence, String field) {
    return utf8("audit-field:v1:" + chain.label() + ":" + sequence + ":" + field);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Decrypts the rows of one read, each subject's key unwrapped once. */
  private final class Decrypter {

    private final Map<UUID, Optional<SecretCipher>> ciphers = new LinkedHashMap<>();

    AuditEntry entry(AuditStore.Row row) {
      return new AuditEntry(row.chain(), row.sequence(), row.at(), row.actor(), row.action(), row.targetType(),
          row.targetId(), row.outcome(), row.details(), personal(row));
    }

    private PersonalFields personal(AuditStore.Row row) {
      if (row.email().isEmpty() && row.ip().isEmpty() && row.userAgent().isEmpty()) {
        return PersonalFields.none();
      }
      Optional<SecretCipher> cipher = row.subject().flatMap(subject -> ciphers.computeIfAbsent(subject,
          s -> store.readsSubjectKeys() ? row.subjectKey().map(wrapped -> unwrap(s, wrapped)) : subjectCipher(s)));
      if (cipher.isEmpty()) {
        return PersonalFields.erasedFields();
      }
      SecretCipher c = cipher.get();
      try {
        return new PersonalFields(
            row.email().map(v -> text(c.decrypt(v, fieldData(row.chain(), row.sequence(), "email")))),
            row.ip().map(v -> text(c.decrypt(v, fieldData(row.chain(), row.sequence(), "ip")))),
            row.userAgent().map(v -> text(c.decrypt(v, fieldData(row.chain(), row.sequence(), "user_agent")))),
            false);
      } catch (SecretCipher.TamperedException underAnotherKey) {
        // Encrypted under a key since forgotten: the subject acted again after it, and got a new
        // key, which opens only the newer entries. (A changed ciphertext fails verification.)
        return PersonalFields.erasedFields();
      }
    }

    private String text(byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
