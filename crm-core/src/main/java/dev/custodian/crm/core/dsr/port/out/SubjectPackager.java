package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Out-port: builds an ACCESS or PORTABILITY request's package of the subject's records (the
 * subject-package feature implements it) and arranges its delivery. Joins the execution's open
 * workspace transaction: the package is stored, and its link queued, only if the completion commits.
 */
public interface SubjectPackager {

  /** What a package holds: its id, and how many records each store gave (for the audit entry). */
  record PackageReceipt(UUID packageId, Map<String, Integer> records) {

    public PackageReceipt {
      Objects.requireNonNull(packageId, "packageId");
      records = Map.copyOf(records);
    }
  }

  /**
   * @param portable PORTABILITY's machine-readable package (JSON and CSV) rather than ACCESS's
   *     (JSON and a readable page)
   */
  PackageReceipt build(WorkspaceId workspace, DataSubjectRequest request, EmailAddress subject, boolean portable);
}
