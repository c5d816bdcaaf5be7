package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;

/**
 * Erasure participant: custom values. Deletes the contact's own values, and every custom
 * {@code EMAIL} and {@code PHONE} value in the workspace equal to the contact's email or phone (on
 * any contact, company or deal): the only structured copies of its identifiers. Free text (a
 * {@code TEXT} value naming the person) is not read. Runs before the contact record goes, so the
 * receipt counts the values it removed.
 */
final class CustomValuesParticipant implements ErasureParticipant {

  private final CustomValueRepository values;
  private final ContactRepository contacts;

  CustomValuesParticipant(CustomValueRepository values, ContactRepository contacts) {
    this.values = Objects.requireNonNull(values, "values");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
  }

  @Override
  public String name() {
    return ErasureServices.CUSTOM_VALUES;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    return contacts.findById(workspace, contact)
        .map(c -> values.eraseContact(workspace, new RecordRef(ObjectType.CONTACT, contact.value()),
            c.email().normalised(), c.phone().map(PhoneNumber::value)))
        .orElse(0);
  }
}
