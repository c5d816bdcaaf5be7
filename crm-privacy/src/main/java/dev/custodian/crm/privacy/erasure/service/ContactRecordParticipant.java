package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Erasure participant: the contact record itself, hard-deleted. Always part of an erasure (see
 * {@link ErasureServices}): an embedder can add participants, never drop this one.
 */
final class ContactRecordParticipant implements ErasureParticipant {

  private final ContactRepository contacts;

  ContactRecordParticipant(ContactRepository contacts) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public String name() {
    return ErasureServices.CONTACT_RECORD;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    return contacts.delete(workspace, contact, OptionalLong.empty()) ? 1 : 0;
  }
}
