package dev.custodian.crm.core.company.port.out;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Out-port, the unlink seam: a store whose rows may refer to a company (contacts today). Deleting
 * a company asks each of them, in the delete's transaction, to drop their references first, so
 * the rows stay and the company goes; a new kind of record that refers to companies plugs in here
 * without changing the delete use case.
 */
public interface CompanyLinks {

  /**
   * Clears every reference of the workspace's rows to {@code company}; each row changed gets its
   * next version (its representation changed), nothing else of it changes. Joins the caller's
   * transaction and is scoped to {@code workspace}, as repositories are.
   *
   * @return how many rows were unlinked
   */
  int unlinkCompany(WorkspaceId workspace, CompanyId company);
}
