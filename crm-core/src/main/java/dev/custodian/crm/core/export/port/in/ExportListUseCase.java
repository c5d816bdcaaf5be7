package dev.custodian.crm.core.export.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.deal.Deal;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: export a list's rows, every one its query's walk would give (its page ignored), in the
 * walk's order, from one snapshot of the workspace (DSR-06; ADMIN and up, also while the
 * workspace is cancelled). Sensitive custom values (CRM-01) are left out unless asked for.
 *
 * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
 *     or the actor is no member
 * @throws dev.custodian.crm.core.common.error.ForbiddenException for a member below ADMIN
 */
public interface ExportListUseCase {

  /** @param query a query of {@link dev.custodian.crm.core.contact.ContactListing#OFFER} */
  void contacts(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<ExportedContact> sink);

  /** @param query a query of {@link dev.custodian.crm.core.company.CompanyListing#OFFER} */
  void companies(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<Company> sink);

  /** @param query a query of {@link dev.custodian.crm.core.deal.DealListing#OFFER} */
  void deals(Actor actor, WorkspaceId workspace, ListQuery query, boolean includeSensitive,
      ExportSink<Deal> sink);
}
