package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Erasure participant: the mail queued to the person, their pending double opt-ins, and the link
 * of their consent subject to the contact. The ledger's
 * entries stay (consent proof, CON-04, RET-09) naming no one: a subject reference nothing links
 * any more, and an address hash found only by hashing the address again under the workspace's key.
 */
final class ConsentParticipant implements ErasureParticipant {

  private final ConsentLedger ledger;
  private final ConsentConfirmations confirmations;
  private final MailOutbox outbox;

  ConsentParticipant(ConsentLedger ledger, ConsentConfirmations confirmations, MailOutbox outbox) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.confirmations = Objects.requireNonNull(confirmations, "confirmations");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
  }

  @Override
  public String name() {
    return ErasureServices.CONSENT;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    // The mail queued to the person (their confirmations), the pending confirmations, then the link.
    int removed = outbox.removeToSubject(workspace.value(), contact.value());
    removed += confirmations.removeFor(workspace, contact);
    return removed + ledger.unlink(workspace, contact);
  }
}
