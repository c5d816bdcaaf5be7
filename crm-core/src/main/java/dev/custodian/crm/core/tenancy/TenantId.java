package dev.custodian.crm.core.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Identity of a workspace, the tenant that owns every CRM record. */
public record TenantId(UUID value) {

  public TenantId {
    Objects.requireNonNull(value, "value");
  }

  public static TenantId of(UUID value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
