package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.contact.PhoneNumber;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/** Refuses an email or phone that was erased at the person's request (privacy promise DSR-04). */
final class SuppressionGuard {

  private final SuppressionList suppressionList;

  SuppressionGuard(SuppressionList suppressionList) {
    this.suppressionList = Objects.requireNonNull(suppressionList, "suppressionList");
  }

  void refuseSuppressed(WorkspaceId workspace, EmailAddress email) {
    if (suppressionList.isSuppressed(workspace, email)) {
      throw suppressed("email");
    }
  }

  void refuseSuppressed(WorkspaceId workspace, PhoneNumber phone) {
    if (suppressionList.isSuppressed(workspace, phone)) {
      throw suppressed("phone");
    }
  }

  private static ConflictException suppressed(String field) {
    return new ConflictException(ConflictException.Kind.SUPPRESSED, "the " + field
        + " was erased at the person's request and cannot be added again without fresh consent");
  }
}
