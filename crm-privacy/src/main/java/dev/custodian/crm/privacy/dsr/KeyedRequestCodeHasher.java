package dev.custodian.crm.privacy.dsr;

import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.port.out.RequestCodeHasher;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.KeyedHash;
import java.util.Arrays;
import java.util.Objects;

/**
 * The keyed hash a public request's emailed code is kept as: HMAC-SHA256 of
 * {@code dsr-code:<request uuid>:<code>} under the workspace's {@value #PURPOSE} key (HKDF info
 * {@code dsr-code:<workspace uuid>}), another key than the ledger's, the suppression list's and
 * the unsubscribe links'; a dump of the table alone cannot test the million possible codes.
 */
public final class KeyedRequestCodeHasher implements RequestCodeHasher {

  /** The HKDF purpose of the keys, and the kind of the keyed value. */
  public static final String PURPOSE = "dsr-code";

  private final KeyProvider keys;

  public KeyedRequestCodeHasher(KeyProvider keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public String hash(WorkspaceId workspace, DataSubjectRequestId request, String code) {
    Objects.requireNonNull(code, "code");
    byte[] master = keys.masterKey();
    byte[] key = KeyDerivation.workspaceKey(master, PURPOSE, workspace);
    try {
      return KeyedHash.of(key, PURPOSE, request.value() + ":" + code);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(master, (byte) 0);
    }
  }
}
