package dev.custodian.crm.core.pipeline;

import java.util.Objects;
import java.util.UUID;

/** Identity of a pipeline's stage, unique within its workspace. */
public record StageId(UUID value) {

  public StageId {
    Objects.requireNonNull(value, "value");
  }

  public static StageId of(UUID value) {
    return new StageId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
