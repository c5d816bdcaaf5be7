package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.imports.ImportRow;
import dev.custodian.crm.core.imports.ImportState;
import dev.custodian.crm.core.imports.StagedRow;
import dev.custodian.crm.core.imports.port.in.StartImportCommand;
import dev.custodian.crm.core.imports.port.in.StartImportUseCase;
import dev.custodian.crm.core.imports.port.out.ImportJobRepository;
import dev.custodian.crm.core.imports.port.out.ImportQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Service: stages a file's rows as one job in one transaction, as they are read (one insert per
 * {@value #STAGE_CHUNK} rows), then queues the job. A file without rows is a job completed at
 * once. If reading the rows fails, the exception leaves the transaction, which rolls back whole.
 * A {@code custom.<key>} field must name a custom field of the object's type in the workspace
 * (checked first, before any row is read: else a {@code ValidationException} naming each such
 * field, and nothing is kept).
 */
final class StartImportService implements StartImportUseCase {

  /** Rows per staging statement. */
  static final int STAGE_CHUNK = 2_000;

  private final WorkspaceTransactions transactions;
  private final ImportJobRepository jobs;
  private final ImportQueue queue;
  private final CustomFieldRepository customFields;
  private final IdGenerator ids;
  private final Clock clock;

  StartImportService(WorkspaceTransactions transactions, ImportJobRepository jobs, ImportQueue queue,
      CustomFieldRepository customFields, IdGenerator ids, Clock clock) {
    this.customFields = Objects.requireNonNull(customFields, "customFields");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ImportJob start(Actor actor, StartImportCommand command, Iterator<ImportRow> rows) {
    return transactions.inWorkspace(command.workspace(), actor, Permission.IMPORT_WRITE, () -> {
      Instant now = Timestamps.now(clock);
      checkCustomFields(command);
      ImportJob job = ImportJob.queued(command.workspace(), ImportJobId.of(ids.newId()), command.object(),
          command.onDuplicate(), command.fields(), 0, now);
      jobs.insert(job);
      int key = command.fields().indexOf(command.object() == ImportObject.CONTACTS ? "email" : "domain");
      int phone = command.object() == ImportObject.CONTACTS ? command.fields().indexOf("phone") : -1;
      Function<String, String> normalise = command.object() == ImportObject.CONTACTS
          ? email -> new EmailAddress(email).normalised() : domain -> new CompanyDomain(domain).value();
      long read = 0;
      List<StagedRow> chunk = new ArrayList<>(STAGE_CHUNK);
      while (rows.hasNext()) {
        ImportRow row = rows.next();
        if (row.cells().size() != command.fields().size()) {
          throw new IllegalArgumentException("a row has a cell per field");
        }
        chunk.add(new StagedRow(row.line(), row.cells(), valid(cell(row, key), normalise),
            valid(cell(row, phone), p -> new PhoneNumber(p).value())));
        read++;
        if (chunk.size() == STAGE_CHUNK) {
          jobs.stage(command.workspace(), job.id(), chunk);
          chunk.clear();
        }
      }
      if (!chunk.isEmpty()) {
        jobs.stage(command.workspace(), job.id(), chunk);
      }
      ImportJob staged = ImportJob.queued(command.workspace(), job.id(), command.object(), command.onDuplicate(),
          command.fields(), read, now);
      if (read == 0) {
        staged = staged.finished(ImportState.COMPLETED, now);
      } else {
        queue.enqueue(command.workspace(), job.id(), now);
      }
      jobs.update(staged);
      return staged;
    });
  }

  /** Each {@code custom.<key>} field names a custom field of the object's type (one read, only when there is one). */
  private void checkCustomFields(StartImportCommand command) {
    List<String> custom = command.fields().stream().filter(f -> f.startsWith(ImportObject.CUSTOM_PREFIX)).toList();
    if (custom.isEmpty()) {
      return;
    }
    Set<String> keys = new HashSet<>();
    customFields.list(command.workspace(), command.object().customType()).forEach(f -> keys.add(f.key().value()));
    Validator v = new Validator();
    for (String field : custom) {
      if (!keys.contains(field.substring(ImportObject.CUSTOM_PREFIX.length()))) {
        v.reject(FieldError.field(field, "names no custom field of " + command.object().apiName()));
      }
    }
    v.throwIfInvalid();
  }

  private static String cell(ImportRow row, int index) {
    return index < 0 ? null : row.cells().get(index);
  }

  private static Optional<String> valid(String cell, Function<String, String> normalise) {
    if (cell == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(normalise.apply(cell));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
