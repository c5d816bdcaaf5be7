package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.common.validation.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a deal, unique within its workspace. */
public record DealId(UUID value) {

  public DealId {
    Objects.requireNonNull(value, "value");
  }

  public static DealId of(UUID value) {
    return new DealId(value);
  }

  /**
   * A deal id given as text.
   *
   * @throws dev.custodian.crm.core.common.error.InvalidValueException when it is not a UUID
   */
  public static DealId parse(String text) {
    return new DealId(Uuids.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
