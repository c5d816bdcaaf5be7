package dev.custodian.crm.core.erasure;

import java.util.Objects;
import java.util.UUID;

/** Identity of an erasure receipt. */
public record ErasureReceiptId(UUID value) {

  public ErasureReceiptId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
