package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.erasure.ErasureReceiptId;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Service: erasure in one workspace transaction. It reads and locks the contact (its identifiers are
 * needed for the suppression entries), suppresses the email and phone, lets every participant
 * delete its records, and writes the receipt; if any step fails, nothing of it happened. The
 * contact record itself is always the last participant (other records may refer to it); the ones
 * given run first, in their order.
 */
public final class EraseContactService implements EraseContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final List<ErasureParticipant> participants;
  private final SuppressionList suppressionList;
  private final ErasureReceiptRepository receipts;
  private final IdGenerator ids;
  private final Clock clock;

  /** @param otherParticipants stores besides the contact record that hold the contact's data */
  public EraseContactService(WorkspaceTransactions transactions, ContactRepository contacts,
      List<ErasureParticipant> otherParticipants, SuppressionList suppressionList,
      ErasureReceiptRepository receipts, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    List<ErasureParticipant> all = new ArrayList<>(otherParticipants);
    all.add(new ContactRecordParticipant(contacts));
    this.participants = List.copyOf(all);
    this.suppressionList = Objects.requireNonNull(suppressionList, "suppressionList");
    this.receipts = Objects.requireNonNull(receipts, "receipts");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ErasureReceipt erase(Actor actor, WorkspaceId workspace, ContactId contactId) {
    return transactions.inWorkspace(workspace, actor, Permission.ERASURE_MANAGE, () -> {
      // The suppression list's lock first, as an import batch takes it (shared) before it writes
      // contacts: an erasure and an update-mode batch meet in one order, never deadlock.
      suppressionList.lockForAdditions(workspace);
      // Locked until commit: a concurrent change or second erasure waits, then sees it gone.
      Contact contact = contacts.findByIdForUpdate(workspace, contactId)
          .orElseThrow(() -> new NotFoundException("contact"));
      Instant now = Timestamps.now(clock);
      // Suppress before deleting: an intake of the same identifier that runs meanwhile either
      // waits for this transaction (and is then refused) or still meets the contact (duplicate).
      suppressionList.suppress(workspace, contact.email(), now);
      contact.phone().ifPresent(phone -> suppressionList.suppress(workspace, phone, now));
      Map<String, Integer> removed = new LinkedHashMap<>();
      List<ErasureReceipt.ReviewItem> forReview = new ArrayList<>();
      for (ErasureParticipant participant : participants) {
        ErasureParticipant.Outcome outcome = participant.erase(workspace, contactId);
        removed.merge(participant.name(), outcome.removed(), Integer::sum);
        outcome.forReview().forEach(id -> forReview.add(new ErasureReceipt.ReviewItem(participant.name(), id)));
      }
      ErasureReceipt receipt = new ErasureReceipt(new ErasureReceiptId(ids.newId()), workspace, contactId, now,
          removed, forReview);
      receipts.insert(receipt);
      // Ids and counts only: the receipt's id, and how many records each participant removed.
      AuditDetails details = AuditDetails.none().withId(AuditDetails.Key.RECEIPT_ID, receipt.id().value());
      for (Map.Entry<String, Integer> count : removed.entrySet()) {
        details = details.withCount(AuditDetails.Key.COUNT, count.getKey(), count.getValue());
      }
      transactions.audit(workspace, actor, AuditAction.CONTACT_ERASED, AuditTargetType.CONTACT, contactId.value(),
          details);
      return receipt;
    });
  }
}
