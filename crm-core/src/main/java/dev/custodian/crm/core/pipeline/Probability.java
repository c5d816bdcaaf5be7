package dev.custodian.crm.core.pipeline;

import dev.custodian.crm.core.common.error.InvalidValueException;

/** The chance, in whole percent, that a deal in a stage is won: 0 to 100. */
public record Probability(int value) {

  public static final Probability CERTAIN = new Probability(100);
  public static final Probability NONE = new Probability(0);

  public Probability {
    if (value < 0 || value > 100) {
      throw new InvalidValueException("must be from 0 to 100");
    }
  }
}
