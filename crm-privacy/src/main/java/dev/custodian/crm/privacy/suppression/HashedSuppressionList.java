package dev.custodian.crm.privacy.suppression;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

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

  @Override
  public boolean isSuppressed(WorkspaceId workspace, EmailAddress email) {
    return entries.exists(workspace, SuppressionKind.EMAIL, hash(workspace, SuppressionKind.EMAIL, email.normalised()));
  }

  @Override
  public boolean isSuppressed(WorkspaceId workspace, PhoneNumber phone) {
    return entries.exists(workspace, SuppressionKind.PHONE, hash(workspace, SuppressionKind.PHONE, phone.value()));
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
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      return KeyedHash.of(key, kind.label(), normalised);
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }
}
