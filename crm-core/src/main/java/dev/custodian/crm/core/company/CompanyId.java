package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.validation.Uuids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a company, unique within its workspace. */
public record CompanyId(UUID value) {

  public CompanyId {
    Objects.requireNonNull(value, "value");
  }

  public static CompanyId of(UUID value) {
    return new CompanyId(value);
  }

  /**
   * A company id given as text (a body field that refers to a company).
   *
   * @throws dev.custodian.crm.core.common.error.InvalidValueException when it is not a UUID
   */
  public static CompanyId parse(String text) {
    return new CompanyId(Uuids.parse(text));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
