package dev.custodian.crm.core.customfield;

import java.util.Objects;
import java.util.UUID;

/** Identity of a custom field definition, unique within its workspace. */
public record CustomFieldId(UUID value) {

  public CustomFieldId {
    Objects.requireNonNull(value, "value");
  }

  public static CustomFieldId of(UUID value) {
    return new CustomFieldId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
