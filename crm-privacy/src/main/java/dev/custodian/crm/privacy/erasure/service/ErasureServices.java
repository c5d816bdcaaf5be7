package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import java.time.Clock;
import java.util.List;

/** Factory: the erasure use cases over their out-ports. */
public final class ErasureServices {

  /** The receipt's name for the contact record itself, which always takes part. */
  public static final String CONTACT_RECORD = "contacts";

  private ErasureServices() {}

  /**
   * @param otherParticipants every store besides the contact record that holds a contact's
   *     personal data; the contact record itself always takes part
   */
  public static ErasureUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, ErasureReceiptRepository receipts,
      List<ErasureParticipant> otherParticipants, IdGenerator ids, Clock clock) {
    return new ErasureUseCases(
        new EraseContactService(transactions, contacts, otherParticipants, suppressionList, receipts,
            ids, clock),
        (actor, query) -> transactions.page(actor, Permission.ERASURE_MANAGE, query, receipts::list)); // a list is one page of the walk
  }
}
