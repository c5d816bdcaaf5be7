package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.common.validation.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a data-subject request, unique within its workspace. */
public record DataSubjectRequestId(UUID value) {

  public DataSubjectRequestId {
    Objects.requireNonNull(value, "value");
  }

  public static DataSubjectRequestId of(UUID value) {
    return new DataSubjectRequestId(value);
  }

  /** @throws dev.custodian.crm.core.common.error.InvalidValueException when it is not a UUID */
  public static DataSubjectRequestId parse(String text) {
    return new DataSubjectRequestId(Uuids.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
