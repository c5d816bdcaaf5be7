package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.privacy.port.out.ErasureParticipant;
import dev.custodian.crm.core.tenant.TenantId;
import java.util.Objects;
import java.util.OptionalLong;

/** Erasure participant: the contact record itself, hard-deleted. */
public final class ContactErasureParticipant implements ErasureParticipant {

  private final ContactRepository contacts;

  public ContactErasureParticipant(ContactRepository contacts) {
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public String name() {
    return "contacts";
  }

  @Override
  public int eraseContact(TenantId tenant, ContactId contact) {
    return contacts.delete(tenant, contact, OptionalLong.empty()) ? 1 : 0;
  }
}
