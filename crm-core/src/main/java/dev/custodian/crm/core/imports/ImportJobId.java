package dev.custodian.crm.core.imports;

import java.util.Objects;
import java.util.UUID;

/** Identity of an import job, unique within its workspace. */
public record ImportJobId(UUID value) {

  public ImportJobId {
    Objects.requireNonNull(value, "value");
  }

  public static ImportJobId of(UUID value) {
    return new ImportJobId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
