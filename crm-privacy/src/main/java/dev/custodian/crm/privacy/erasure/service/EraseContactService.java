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
 * Service: erasure in one tenant transaction. It reads the contact's identifiers first (they are
 * needed for the suppression entries), lets every participant delete its records, suppresses the
 * email and phone, and writes the receipt; if any step fails, nothing of it happened.
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
      Contact contact = contacts.findById(tenant, contactId)
          .orElseThrow(() -> new NotFoundException("contact"));
      Instant now = Timestamps.now(clock);
      Map<String, Integer> removed = new LinkedHashMap<>();
      for (ErasureParticipant participant : participants) {
        removed.merge(participant.name(), participant.eraseContact(tenant, contactId), Integer::sum);
      }
      suppressionList.suppress(tenant, contact.email(), now);
      contact.phone().ifPresent(phone -> suppressionList.suppress(tenant, phone, now));
      ErasureReceipt receipt =
          new ErasureReceipt(new ErasureReceiptId(ids.newId()), tenant, contactId, now, removed);
      receipts.insert(receipt);
      return receipt;
    });
  }
}
