package dev.custodian.crm.core.account;

import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;

/**
 * The account holder's statement, made at sign-up, that they are at least {@code minimumAge}
 * years old: when it was made and which age it attested (the configured minimum at that time).
 * Only the statement is kept, never a birth date (data minimisation).
 */
public record AgeAttestation(Instant attestedAt, int minimumAge) {

  /** No configuration may ask for less. */
  public static final int LOWEST_MINIMUM_AGE = 16;

  public AgeAttestation {
    attestedAt = Timestamps.micros(Objects.requireNonNull(attestedAt, "attestedAt"));
    if (minimumAge < LOWEST_MINIMUM_AGE) {
      throw new IllegalArgumentException("the minimum age is at least " + LOWEST_MINIMUM_AGE);
    }
  }
}
