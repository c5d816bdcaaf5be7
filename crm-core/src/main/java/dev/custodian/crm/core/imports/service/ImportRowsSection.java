package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.erasure.SubjectDataParticipant;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The package section of a person's staged import rows (DSR-01): the rows {@link ImportRowsParticipant}
 * would erase (the contact's normalised email or phone), streamed one at a time.
 */
final class ImportRowsSection implements SubjectDataParticipant {

  private final ImportJobRepository jobs;

  ImportRowsSection(ImportJobRepository jobs) {
    this.jobs = Objects.requireNonNull(jobs, "jobs");
  }

  @Override
  public String name() {
    return ImportRowsParticipant.NAME;
  }

  @Override
  public String dataClass() {
    return "import_row";
  }

  @Override
  public void stream(WorkspaceId workspace, Contact contact, Consumer<SubjectRecord> sink) {
    jobs.streamStagedOf(workspace, Optional.of(contact.email().normalised()), contact.phone().map(PhoneNumber::value),
        row -> sink.accept(SubjectRecord.of("line", row.line(), "cells", row.cells())));
  }
}
