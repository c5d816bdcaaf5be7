package dev.custodian.crm.core.task;

import dev.custodian.crm.core.common.validation.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a task, unique within its workspace. */
public record TaskId(UUID value) {

  public TaskId {
    Objects.requireNonNull(value, "value");
  }

  public static TaskId of(UUID value) {
    return new TaskId(value);
  }

  /** @throws dev.custodian.crm.core.common.error.InvalidValueException when it is not a UUID */
  public static TaskId parse(String text) {
    return new TaskId(Uuids.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
