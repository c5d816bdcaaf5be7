package dev.custodian.crm.core.pipeline.port.in;

import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.pipeline.Probability;
import dev.custodian.crm.core.pipeline.StageKind;

/** Reading a stage's probability from input, as its kind asks: given for OPEN, 100 or absent for WON, 0 or absent for LOST. */
final class StageRules {

  private StageRules() {}

  /**
   * The probability of a stage of {@code kind} ({@code null} when the kind is unknown: then only
   * its range is checked); {@code null} after recording an error under {@code field}.
   */
  static Probability probability(Validator v, String field, StageKind kind, Integer raw) {
    if (kind != null && kind.fixedProbability().isPresent()) {
      Probability fixed = kind.fixedProbability().get();
      return raw == null ? fixed : v.required(field, raw, given -> requireFixed(kind, new Probability(given)));
    }
    return kind == StageKind.OPEN ? v.required(field, raw, Probability::new)
        : v.optional(field, raw, Probability::new).orElse(null);
  }

  /** {@code given}, if it is the probability a stage of {@code kind} always has. */
  static Probability requireFixed(StageKind kind, Probability given) {
    Probability fixed = kind.fixedProbability().orElseThrow();
    if (!fixed.equals(given)) {
      throw new InvalidValueException("must be " + fixed.value() + " for a " + kind + " stage");
    }
    return given;
  }
}
