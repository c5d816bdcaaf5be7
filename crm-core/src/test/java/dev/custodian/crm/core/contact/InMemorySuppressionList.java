package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of {@link SuppressionList} for the contact services' own tests: identifiers in
 * clear, outside any transaction. crm-privacy's hashed list is the real one.
 */
public final class InMemorySuppressionList implements SuppressionList {

  private final Set<String> entries = ConcurrentHashMap.newKeySet();

  @Override
  public void suppress(WorkspaceId workspace, EmailAddress email, Instant now) {
    entries.add(workspace + "/email:" + email.normalised());
  }

  @Override
  public void suppress(WorkspaceId workspace, PhoneNumber phone, Instant now) {
    entries.add(workspace + "/phone:" + phone.value());
  }

  @Override
  public Set<Identifier> suppressed(WorkspaceId workspace, Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
    Set<Identifier> found = EnumSet.noneOf(Identifier.class);
    if (email.filter(e -> entries.contains(workspace + "/email:" + e.normalised())).isPresent()) {
      found.add(Identifier.EMAIL);
    }
    if (phone.filter(p -> entries.contains(workspace + "/phone:" + p.value())).isPresent()) {
      found.add(Identifier.PHONE);
    }
    return found;
  }
}
