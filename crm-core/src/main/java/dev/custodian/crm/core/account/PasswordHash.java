package dev.custodian.crm.core.account;

import java.util.Objects;

/**
 * A stored password hash in its encoded form, which carries its algorithm and parameters (e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}). Never shown by {@link #toString()}: a
 * hash in a log line is an offline guessing target.
 */
public record PasswordHash(String encoded) {

  /** Longer than any hash our hasher writes, short enough to bound what is stored. */
  public static final int MAX_LENGTH = 255;

  public PasswordHash {
    Objects.requireNonNull(encoded, "encoded");
    if (!encoded.startsWith("$") || encoded.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not an encoded password hash");
    }
  }

  @Override
  public String toString() {
    return "PasswordHash[redacted]";
  }
}
