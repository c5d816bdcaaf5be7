package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Erasure participant: the link of the person's consent subject to the contact. The ledger's
 * entries stay (consent proof, CON-04, RET-09) naming no one: a subject reference nothing links
 * any more, and an address hash found only by hashing the address again under the workspace's key.
 */
final class ConsentParticipant implements ErasureParticipant {

  private final ConsentLedger ledger;

  ConsentParticipant(ConsentLedger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  @Override
  public String name() {
    return ErasureServices.CONSENT;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    return ledger.unlink(workspace, contact);
  }
}
