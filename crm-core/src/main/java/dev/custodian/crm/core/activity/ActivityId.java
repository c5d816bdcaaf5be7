package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.common.validation.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of an activity, unique within its workspace. */
public record ActivityId(UUID value) {

  public ActivityId {
    Objects.requireNonNull(value, "value");
  }

  public static ActivityId of(UUID value) {
    return new ActivityId(value);
  }

  /**
   * An activity id given as text.
   *
   * @throws dev.custodian.crm.core.common.error.InvalidValueException when it is not a UUID
   */
  public static ActivityId parse(String text) {
    return new ActivityId(Uuids.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
