package dev.custodian.crm.core.customfield;

import java.util.Objects;
import java.util.UUID;

/** Identity of one option of a select field, unique within its workspace; kept while its key is. */
public record FieldOptionId(UUID value) {

  public FieldOptionId {
    Objects.requireNonNull(value, "value");
  }

  public static FieldOptionId of(UUID value) {
    return new FieldOptionId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
