package dev.custodian.crm.core.suppression.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.suppression.port.out.SuppressionList.Identifier;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Service part: refuses an email or phone that was erased at the person's request (privacy promise
 * DSR-04), a contact's own or a custom EMAIL or PHONE value of a contact, company or deal.
 */
public final class SuppressionGuard {

  private final SuppressionList suppressionList;

  public SuppressionGuard(SuppressionList suppressionList) {
    this.suppressionList = Objects.requireNonNull(suppressionList, "suppressionList");
  }

  /**
   * Refuses the email or phone the intake adds if it is suppressed; asks about both at once (one
   * check, not one per identifier) and names the email when both are, as a check of the email
   * first would.
   */
  public void refuseSuppressed(WorkspaceId workspace, Optional<EmailAddress> email, Optional<PhoneNumber> phone) {
    if (email.isEmpty() && phone.isEmpty()) {
      return;
    }
    Set<Identifier> found = suppressionList.suppressed(workspace, email, phone);
    if (found.contains(Identifier.EMAIL)) {
      throw suppressed("email");
    }
    if (found.contains(Identifier.PHONE)) {
      throw suppressed("phone");
    }
  }

  /**
   * Refuses custom EMAIL and PHONE values the intake adds if any is suppressed, as the contact's
   * own email and phone are (DSR-04); asks about an email and a phone at a time.
   */
  public void refuseSuppressedCustom(WorkspaceId workspace, List<EmailAddress> emails, List<PhoneNumber> phones) {
    for (int i = 0; i < Math.max(emails.size(), phones.size()); i++) {
      Optional<EmailAddress> email = i < emails.size() ? Optional.of(emails.get(i)) : Optional.empty();
      Optional<PhoneNumber> phone = i < phones.size() ? Optional.of(phones.get(i)) : Optional.empty();
      Set<Identifier> found = suppressionList.suppressed(workspace, email, phone);
      if (found.contains(Identifier.EMAIL)) {
        throw suppressed("custom email");
      }
      if (found.contains(Identifier.PHONE)) {
        throw suppressed("custom phone");
      }
    }
  }

  private static ConflictException suppressed(String field) {
    return new ConflictException(ConflictException.Kind.SUPPRESSED, "the " + field
        + " was erased at the person's request and cannot be added again without fresh consent");
  }
}
