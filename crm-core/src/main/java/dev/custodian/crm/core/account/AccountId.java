package dev.custodian.crm.core.account;

import java.util.Objects;
import java.util.UUID;

/** Identity of an account. */
public record AccountId(UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId of(UUID value) {
    return new AccountId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
