package dev.custodian.crm.privacy.suppression;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The suppression list as keyed hashes: HMAC-SHA256 under the workspace's {@value #PURPOSE} key of
 * {@code email:<normalised email>} or {@code phone:<E.164 number>}. The same person hashes
 * differently in every workspace, and without the master key a database dump cannot be used to
 * test guessed emails or phone numbers.
 */
public final class HashedSuppressionList implements SuppressionList {

  /** The HKDF purpose of the keys this list hashes with. */
  public static final String PURPOSE = "suppression";

  private final SuppressionEntryRepository entries;
  private final KeyProvider keys;

  public HashedSuppressionList(SuppressionEntryRepository entries, KeyProvider keys) {
    this.entries = Objects.requireNonNull(entries, "entries");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Asks the entries once for both identifiers, hashed under one derived key. */
  @Override
  public Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
    Map<SuppressionKind, String> normalised = new EnumMap<>(SuppressionKind.class);
    email.ifPresent(e -> normalised.put(SuppressionKind.EMAIL, e.normalised()));
    phone.ifPresent(p -> normalised.put(SuppressionKind.PHONE, p.value()));
    Set<Identifier> found = EnumSet.noneOf(Identifier.class);
    if (normalised.isEmpty()) {
      return found;
    }
    Set<SuppressionKind> kinds = entries.existing(workspace, hashes(workspace, normalised));
    if (kinds.contains(SuppressionKind.EMAIL)) {
      found.add(Identifier.EMAIL);
    }
    if (kinds.contains(SuppressionKind.PHONE)) {
      found.add(Identifier.PHONE);
    }
    return found;
  }

  /** Hashes every identifier under one derived key and asks the entries once. */
  @Override
  public Among suppressedAmong(WorkspaceId workspace, Collection<EmailAddress> emails, Collection<PhoneNumber> phones) {
    if (emails.isEmpty() && phones.isEmpty()) {
      return new Among(Set.of(), Set.of());
    }
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    Map<String, String> emailByHash = new HashMap<>();
    Map<String, String> phoneByHash = new HashMap<>();
    try {
      KeyedHash.Hasher hasher = KeyedHash.under(key);
      emails.forEach(e -> emailByHash.put(hasher.of(SuppressionKind.EMAIL.label(), e.normalised()), e.normalised()));
      phones.forEach(p -> phoneByHash.put(hasher.of(SuppressionKind.PHONE.label(), p.value()), p.value()));
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
    Map<SuppressionKind, Set<String>> asked = new EnumMap<>(SuppressionKind.class);
    asked.put(SuppressionKind.EMAIL, emailByHash.keySet());
    asked.put(SuppressionKind.PHONE, phoneByHash.keySet());
    Map<SuppressionKind, Set<String>> found = entries.existingAmong(workspace, asked);
    Set<String> foundEmails = new HashSet<>();
    Set<String> foundPhones = new HashSet<>();
    found.getOrDefault(SuppressionKind.EMAIL, Set.of()).forEach(h -> foundEmails.add(emailByHash.get(h)));
    found.getOrDefault(SuppressionKind.PHONE, Set.of()).forEach(h -> foundPhones.add(phoneByHash.get(h)));
    return new Among(foundEmails, foundPhones);
  }

  @Override
  public void lockForAdditions(WorkspaceId workspace) {
    entries.lockForAdditions(workspace);
  }

  @Override
  public void suppress(WorkspaceId workspace, EmailAddress email, Instant now) {
    entries.add(new SuppressionEntry(workspace, SuppressionKind.EMAIL,
        hash(workspace, SuppressionKind.EMAIL, email.normalised()), now));
  }

  @Override
  public void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now) {
    entries.add(new SuppressionEntry(workspace, SuppressionKind.PHONE,
        hash(workspace, SuppressionKind.PHONE, phone.value()), now));
  }

  private String hash(WorkspaceId workspace, SuppressionKind kind, String normalised) {
    return hashes(workspace, Map.of(kind, normalised)).get(kind);
  }

  /** Each value hashed under its kind, with the workspace's key derived once. */
  private Map<SuppressionKind, String> hashes(WorkspaceId workspace, Map<SuppressionKind, String> normalised) {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      Map<SuppressionKind, String> hashes = new EnumMap<>(SuppressionKind.class);
      normalised.forEach((kind, value) -> hashes.put(kind, KeyedHash.of(key, kind.label(), value)));
      return hashes;
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }
}
