package dev.custodian.crm.core.privacy;

import dev.custodian.crm.core.contact.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.privacy.port.out.SuppressionList;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test double of {@link SuppressionList}: identifiers in clear, added by the test itself. */
public final class InMemorySuppressionList implements SuppressionList {

  private final Set<String> entries = ConcurrentHashMap.newKeySet();

  public void suppress(TenantId tenant, EmailAddress email) {
    entries.add(tenant + "/email:" + email.normalised());
  }

  public void suppress(TenantId tenant, PhoneNumber phone) {
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
