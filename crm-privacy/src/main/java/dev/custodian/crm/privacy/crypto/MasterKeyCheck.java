package dev.custodian.crm.privacy.crypto;

import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.common.Timestamps;
import java.security.MessageDigest;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Guards against starting with another master key than the one the data was written with: the
 * key-check value HMAC-SHA256(master, UTF-8 {@code custodian-crm/key-check/v1}), hex, is stored on
 * first start and compared on every later one. It reveals nothing about the key.
 */
public final class MasterKeyCheck {

  static final String LABEL = "custodian-crm/key-check/v1";

  /** The configured master key is not the one this database was set up with. */
  public static final class MismatchException extends IllegalStateException {
    MismatchException() {
      super("the master key does not match the one this database was set up with"
          + " (CRM_MASTER_KEY changed?): refusing to start");
    }
  }

  private final Transactions transactions;
  private final KeyCheckRepository keyChecks;
  private final KeyProvider keys;
  private final Clock clock;

  public MasterKeyCheck(
      Transactions transactions, KeyCheckRepository keyChecks, KeyProvider keys, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.keyChecks = Objects.requireNonNull(keyChecks, "keyChecks");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The key-check value of a master key. */
  public static String valueOf(byte[] masterKey) {
    return KeyedHash.hmacHex(masterKey, LABEL);
  }

  /**
   * Stores the key-check value on first use, or compares it with the stored one.
   *
   * @return true when this call stored it (first start)
   * @throws MismatchException when the configured key is not the stored one's
   */
  public boolean verifyOrRecord() {
    byte[] master = keys.masterKey();
    String current;
    try {
      current = valueOf(master);
    } finally {
      Arrays.fill(master, (byte) 0);
    }
    return transactions.inPlatform(() -> {
      Optional<String> stored = keyChecks.find();
      if (stored.isEmpty()) {
        keyChecks.insert(current, Timestamps.now(clock));
        return true;
      }
      if (!MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
          current.getBytes(StandardCharsets.US_ASCII))) {
        throw new MismatchException();
      }
      return false;
    });
  }
}
