package dev.custodian.crm.privacy.suppression;

import dev.custodian.crm.core.contact.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.erasure.SuppressionEntry;
import dev.custodian.crm.core.erasure.SuppressionKind;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.erasure.port.out.SuppressionEntryRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.TenantId;
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
  public boolean isSuppressed(TenantId tenant, EmailAddress email) {
    return entries.exists(tenant, SuppressionKind.EMAIL, hash(tenant, SuppressionKind.EMAIL, email.normalised()));
  }

  @Override
  public boolean isSuppressed(TenantId tenant, PhoneNumber phone) {
    return entries.exists(tenant, SuppressionKind.PHONE, hash(tenant, SuppressionKind.PHONE, phone.value()));
  }

  @Override
  public void suppress(TenantId tenant, EmailAddress email, Instant now) {
    entries.add(new SuppressionEntry(tenant, SuppressionKind.EMAIL,
        hash(tenant, SuppressionKind.EMAIL, email.normalised()), now));
  }

  @Override
  public void suppress(TenantId tenant, PhoneNumber phone, Instant now) {
    entries.add(new SuppressionEntry(tenant, SuppressionKind.PHONE,
        hash(tenant, SuppressionKind.PHONE, phone.value()), now));
  }

  private String hash(TenantId tenant, SuppressionKind kind, String normalised) {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, tenant);
    try {
      return KeyedHash.of(key, kind.label(), normalised);
    } finally {
      Arrays.fill(master, (byte) 0);
      Arrays.fill(key, (byte) 0);
    }
  }
}
