package dev.custodian.crm.privacy.consent;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.AddressHashing;
import dev.custodian.crm.core.consent.port.out.ConsentAddressHasher;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * The ledger's address hash: HMAC-SHA256 of {@code email:<normalised email>} under the workspace's
 * {@value #PURPOSE} key. Stored for good. It differs from the suppression list's (another derived
 * key) and from every other workspace's, and a database dump alone cannot test a guessed address.
 */
public final class KeyedConsentAddressHasher implements ConsentAddressHasher {

  /** The HKDF purpose of the keys the ledger hashes addresses with. */
  public static final String PURPOSE = "consent";

  private final KeyProvider keys;

  public KeyedConsentAddressHasher(KeyProvider keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public AddressHash hash(WorkspaceId workspace, EmailAddress address) {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      return new AddressHash(KeyedHash.of(key, "email", address.normalised()));
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(master, (byte) 0);
    }
  }

  @Override
  public AddressHashing hashing(WorkspaceId workspace) {
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      return AddressHashing.ofKey(key);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(master, (byte) 0);
    }
  }
}
