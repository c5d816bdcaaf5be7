package dev.custodian.crm.core.pipeline;

import java.util.Objects;
import java.util.UUID;

/** Identity of a pipeline, unique within its workspace. */
public record PipelineId(UUID value) {

  public PipelineId {
    Objects.requireNonNull(value, "value");
  }

  public static PipelineId of(UUID value) {
    return new PipelineId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
