package dev.custodian.crm.core.contact;

import java.util.Objects;
import java.util.UUID;

/** Identity of a contact, unique within its workspace. */
public record ContactId(UUID value) {

  public ContactId {
    Objects.requireNonNull(value, "value");
  }

  public static ContactId of(UUID value) {
    return new ContactId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
