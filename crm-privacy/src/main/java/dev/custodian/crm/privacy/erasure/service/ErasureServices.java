package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.contact.port.out.SuppressionList;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import java.time.Clock;
import java.util.List;

/** Factory: the erasure use cases over their out-ports. */
public final class ErasureServices {

  /** The receipt's name for the contact record itself, which always takes part. */
  public static final String CONTACT_RECORD = "contacts";

  /** The receipt's name for a person's links to deals, removed before the contact record goes. */
  public static final String DEAL_CONTACTS = "dealContacts";

  /** The receipt's name for a person's custom values and the custom email and phone values equal to theirs. */
  public static final String CUSTOM_VALUES = "customValues";

  private ErasureServices() {}

  /** The participant that removes a person's custom values and the structured copies of their email and phone. */
  public static ErasureParticipant customValues(CustomValueRepository values, ContactRepository contacts) {
    return new CustomValuesParticipant(values, contacts);
  }

  /** The participant that removes a person's links to deals (the deals stay). */
  public static ErasureParticipant dealContacts(DealRepository deals) {
    return new DealContactsParticipant(deals);
  }

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
