package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Optional;

/**
 * Erasure participant {@value #NAME}: deletes the rows staged by any import of the workspace that
 * carry the erased person's email (normalised) or phone, so a queued import does not bring them
 * back (DSR-04: the suppression list would refuse them too; these rows are personal data held
 * meanwhile). Runs before the contact record is deleted, to read its email and phone.
 */
final class ImportRowsParticipant implements ErasureParticipant {

  static final String NAME = "importRows";

  private final ImportJobRepository jobs;
  private final ContactRepository contacts;

  ImportRowsParticipant(ImportJobRepository jobs, ContactRepository contacts) {
    this.jobs = jobs;
    this.contacts = contacts;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int eraseContact(WorkspaceId workspace, ContactId contact) {
    return contacts.findById(workspace, contact)
        .map(c -> jobs.deleteStagedOf(workspace, Optional.of(c.email().normalised()), c.phone().map(PhoneNumber::value)))
        .orElse(0);
  }
}
