package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.TenantId;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of {@link SuppressionList} for the contact services' own tests: identifiers in
 * clear, outside any transaction. crm-privacy's hashed list is the real one.
 */
public final class InMemorySuppressionList implements SuppressionList {

  private final Set<String> entries = ConcurrentHashMap.newKeySet();

  @Override
  public void suppress(TenantId tenant, EmailAddress email, Instant now) {
    entries.add(tenant + "/email:" + email.normalised());
  }

  @Override
  public void suppress(TenantId tenant, PhoneNumber phone, Instant now) {
    entries.add(tenant + "/phone:" + phone.value());
  }

  @Override
  public boolean isSuppressed(TenantId tenant, EmailAddress email) {
    return entries.contains(tenant + "/email:" + email.normalised());
  }

  @Override
  public boolean isSuppressed(TenantId tenant, PhoneNumber phone) {
    return entries.contains(tenant + "/phone:" + phone.value());
  }
}
