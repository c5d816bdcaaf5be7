package dev.custodian.crm.privacy.crypto;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.core.keys.port.out.KeyProvider;
import dev.custodian.crm.core.tenancy.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Guards against running with a master key that is no key, or another key than the one the data
 * was written with: the key-check value HMAC-SHA256(master, UTF-8
 * {@code custodian-crm/key-check/v1}), hex, is stored on first start and compared on every later
 * one. It reveals nothing about the key.
 */
public final class MasterKeyCheck {

  static final String LABEL = "custodian-crm/key-check/v1";

  /** The master key is not {@value MasterKey#LENGTH} bytes, or is all zero. */
  public static final class InvalidKeyException extends IllegalStateException {
    InvalidKeyException() {
      super("the master key must be " + MasterKey.LENGTH + " bytes and not all zero: refusing to start");
    }
  }

  /** The master key is not the one this database was set up with. */
  public static final class MismatchException extends IllegalStateException {
    MismatchException() {
      super("the master key does not match the one this database was set up with: refusing to start"
          + " (suppression entries written under the other key would no longer match)");
    }
  }

  /** The stored check value could not be read or written; the cause says why. */
  public static final class UncheckedKeyException extends IllegalStateException {
    UncheckedKeyException(RuntimeException cause) {
      super("cannot check the master key against the database (" + cause.getClass().getSimpleName() + ")", cause);
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
   * Checks the key, then stores its check value on first use or compares it with the stored one.
   * When the first attempt fails otherwise (another start may have stored the value at the same
   * moment, so this insert failed), it looks once more.
   *
   * @return true when this call stored the value (first start)
   * @throws InvalidKeyException before touching the database, when the key is no usable key
   * @throws MismatchException when the key is not the stored one's
   * @throws UncheckedKeyException when the database fails twice
   */
  public boolean verifyOrRecord() {
    String current = currentValue();
    try {
      return verifyOrRecord(current);
    } catch (MismatchException e) {
      throw e;
    } catch (RuntimeException first) {
      try {
        return verifyOrRecord(current);
      } catch (MismatchException e) {
        throw e;
      } catch (RuntimeException second) {
        throw new UncheckedKeyException(second);
      }
    }
  }

  private String currentValue() {
    byte[] master = keys.masterKey();
    try {
      if (!MasterKey.isUsable(master)) {
        throw new InvalidKeyException();
      }
      return valueOf(master);
    } finally {
      if (master != null) {
        Arrays.fill(master, (byte) 0);
      }
    }
  }

  private boolean verifyOrRecord(String current) {
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
