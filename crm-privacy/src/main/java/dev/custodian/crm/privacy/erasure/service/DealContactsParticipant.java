package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Erasure participant: the person's links to deals. The deals stay (a deal is the workspace's
 * business, not the person's); their titles are free text it does not read. Runs before the
 * contact record goes, so the receipt counts the links it removed.
 */
final class DealContactsParticipant implements ErasureParticipant {

  private final DealRepository deals;

  DealContactsParticipant(DealRepository deals) {
    this.deals = Objects.requireNonNull(deals, "deals");
  }

  @Override
  public String name() {
    return ErasureServices.DEAL_CONTACTS;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    return deals.unlinkContact(workspace, contact);
  }
}
