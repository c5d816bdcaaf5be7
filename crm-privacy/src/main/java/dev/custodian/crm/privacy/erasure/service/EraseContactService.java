package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.privacy.ErasureReceipt;
import dev.custodian.crm.core.privacy.ErasureReceiptId;
import dev.custodian.crm.core.privacy.port.out.ErasureParticipant;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.core.tenant.service.WorkspaceTransactions;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.suppression.HashedSuppressionList;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Service: erasure in one tenant transaction. It reads and locks the contact (its identifiers are
 * needed for the suppression entries), suppresses the email and phone, lets every participant
 * delete its records, and writes the receipt; if any step fails, nothing of it happened.
 */
public final class EraseContactService implements EraseContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final List<ErasureParticipant> participants;
  private final HashedSuppressionList suppressionList;
  private final ErasureReceiptRepository receipts;
  private final IdGenerator ids;
  private final Clock clock;

  public EraseContactService(WorkspaceTransactions transactions, ContactRepository contacts,
      List<ErasureParticipant> participants, HashedSuppressionList suppressionList,
      ErasureReceiptRepository receipts, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.participants = List.copyOf(participants);
    if (this.participants.isEmpty()) {
      throw new IllegalArgumentException("erasure needs at least the contacts participant");
    }
    this.suppressionList = Objects.requireNonNull(suppressionList, "suppressionList");
    this.receipts = Objects.requireNonNull(receipts, "receipts");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ErasureReceipt erase(TenantId tenant, ContactId contactId) {
    return transactions.inWorkspace(tenant, () -> {
      // Locked until commit: a concurrent change or second erasure waits, then sees it gone.
      Contact contact = contacts.findByIdForUpdate(tenant, contactId)
          .orElseThrow(() -> new NotFoundException("contact"));
      Instant now = Timestamps.now(clock);
      // Suppress before deleting: an intake of the same identifier that runs meanwhile either
      // waits for this transaction (and is then refused) or still meets the contact (duplicate).
      suppressionList.suppress(tenant, contact.email(), now);
      contact.phone().ifPresent(phone -> suppressionList.suppress(tenant, phone, now));
      Map<String, Integer> removed = new LinkedHashMap<>();
      for (ErasureParticipant participant : participants) {
        removed.merge(participant.name(), participant.eraseContact(tenant, contactId), Integer::sum);
      }
      ErasureReceipt receipt =
          new ErasureReceipt(new ErasureReceiptId(ids.newId()), tenant, contactId, now, removed);
      receipts.insert(receipt);
      return receipt;
    });
  }
}
