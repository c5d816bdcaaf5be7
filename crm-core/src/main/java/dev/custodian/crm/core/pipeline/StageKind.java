package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.util.Locale;
import java.util.Optional;

/**
 * What reaching a stage means: still OPEN, WON or LOST. Fixed once the stage exists. A pipeline
 * has at least one OPEN stage, exactly one WON (probability always 100) and one LOST (always 0).
 */
public enum StageKind {
  OPEN,
  WON,
  LOST;

  /** The kind named in any case ({@code open}, {@code won}, {@code lost}). */
  public static StageKind parse(String raw) {
    for (StageKind kind : values()) {
      if (kind.name().equalsIgnoreCase(raw.strip())) {
        return kind;
      }
    }
    throw new InvalidValueException("must be one of open, won, lost");
  }

  /** The probability a stage of this kind always has: 100 for WON, 0 for LOST, none fixed for OPEN. */
  public Optional<Probability> fixedProbability() {
    return switch (this) {
      case OPEN -> Optional.empty();
      case WON -> Optional.of(Probability.CERTAIN);
      case LOST -> Optional.of(Probability.NONE);
    };
  }

  /** Its name in the API: lower case. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
