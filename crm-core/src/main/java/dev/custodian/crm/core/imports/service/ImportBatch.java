package dev.custodian.crm.core.imports.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyName;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.imports.DuplicateMode;
import dev.custodian.crm.core.imports.ImportError;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportObject;
import dev.custodian.crm.core.imports.StagedRow;
import dev.custodian.crm.core.imports.port.out.ImportTargets;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Service part: one batch of a job's staged rows, inside the batch's transaction. Each row goes
 * through the value objects the create and update commands validate with (every bad field of a
 * row is an error row), its {@code custom.<key>} cells through the custom values' own validation
 * ({@link CustomValues#readCells}, as the API's values); then the batch's emails and phones, the
 * custom EMAIL and PHONE values too, meet the suppression list in one check (DSR-04), before
 * anything of the batch is written; then duplicates (stored, or earlier in the file) are skipped,
 * updated or failed by the job's mode; the rest are created, then their custom values written.
 * Lookups are one statement each for the whole batch.
 */
final class ImportBatch {

  /** What the batch did: its counts and error rows. */
  record Outcome(long created, long updated, long skipped, long failed, List<ImportError> errors) {}

  private final ContactRepository contacts;
  private final CompanyRepository companies;
  private final CustomFieldRepository customFields;
  private final CustomValueRepository customValues;
  private final ImportTargets targets;
  private final SuppressionList suppression;
  private final IdGenerator ids;

  ImportBatch(ContactRepository contacts, CompanyRepository companies, CustomFieldRepository customFields,
      CustomValueRepository customValues, ImportTargets targets, SuppressionList suppression, IdGenerator ids) {
    this.contacts = contacts;
    this.companies = companies;
    this.customFields = customFields;
    this.customValues = customValues;
    this.targets = targets;
    this.suppression = suppression;
    this.ids = ids;
  }

  Outcome run(ImportJob job, List<StagedRow> rows, Instant now) {
    return switch (job.object()) {
      case CONTACTS -> new Counter().contacts(job, rows, now);
      case COMPANIES -> new Counter().companies(job, rows, now);
    };
  }

  /** A contact row's values, each present only when its cell was not empty and valid. */
  private record ContactValues(long line, EmailAddress email, Optional<PersonName> firstName,
      Optional<PersonName> lastName, Optional<PhoneNumber> phone, Optional<JobTitle> jobTitle,
      Optional<CompanyDomain> companyDomain, Map<CustomField, Optional<CustomValue>> custom) {}

  /** A row's error field: a custom value's pointer {@code custom/<key>} as its column, {@code custom.<key>}. */
  private static String column(String field) {
    return field.startsWith("custom/") ? ImportObject.CUSTOM_PREFIX + field.substring("custom/".length()) : field;
  }

  /** The custom fields of the job's object, read only when the file has a custom column. */
  private List<CustomField> definitions(ImportJob job) {
    boolean any = job.fields().stream().anyMatch(f -> f.startsWith(ImportObject.CUSTOM_PREFIX));
    return any ? customFields.list(job.workspace(), job.object().customType()) : List.of();
  }

  /** The row's non-empty {@code custom.<key>} cells, by key. */
  private static Map<String, String> customCells(ImportJob job, StagedRow row) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (int i = 0; i < job.fields().size(); i++) {
      String field = job.fields().get(i);
      if (field.startsWith(ImportObject.CUSTOM_PREFIX) && row.cells().get(i) != null) {
        cells.put(field.substring(ImportObject.CUSTOM_PREFIX.length()), row.cells().get(i));
      }
    }
    return cells;
  }

  /** The custom field whose EMAIL or PHONE value is suppressed, if any. */
  private static Optional<String> suppressedCustom(Map<CustomField, Optional<CustomValue>> custom,
      SuppressionList.Among suppressed) {
    for (Map.Entry<CustomField, Optional<CustomValue>> e : custom.entrySet()) {
      CustomValue value = e.getValue().orElse(null);
      if (value != null && ((value.type() == CustomFieldType.EMAIL && suppressed.email((EmailAddress) value.value()))
          || (value.type() == CustomFieldType.PHONE && suppressed.phone((PhoneNumber) value.value())))) {
        return Optional.of(ImportObject.CUSTOM_PREFIX + e.getKey().key().value());
      }
    }
    return Optional.empty();
  }

  private static Map<CustomField, Optional<CustomValue>> merged(Map<CustomField, Optional<CustomValue>> earlier,
      Map<CustomField, Optional<CustomValue>> later) {
    Map<CustomField, Optional<CustomValue>> all = new LinkedHashMap<>(earlier);
    all.putAll(later);
    return all;
  }

  private final class Counter {
    long created;
    long updated;
    long skipped;
    long failed;
    final List<ImportError> errors = new ArrayList<>();

    void fail(long line, List<FieldError> fieldErrors) {
      failed++;
      fieldErrors.forEach(e -> errors.add(new ImportError(line, column(e.name()), e.detail())));
    }

    void fail(long line, String field, String error) {
      failed++;
      errors.add(new ImportError(line, field, error));
    }

    Outcome outcome() {
      return new Outcome(created, updated, skipped, failed, errors);
    }

    Outcome contacts(ImportJob job, List<StagedRow> rows, Instant now) {
      WorkspaceId workspace = job.workspace();
      List<CustomField> definitions = definitions(job);
      List<ContactValues> valid = new ArrayList<>();
      for (StagedRow row : rows) {
        Validator v = new Validator();
        EmailAddress email = v.required("email", cell(job, row, "email"), EmailAddress::new);
        Optional<PersonName> first = v.optional("firstName", cell(job, row, "firstName"), PersonName::new);
        Optional<PersonName> last = v.optional("lastName", cell(job, row, "lastName"), PersonName::new);
        Optional<PhoneNumber> phone = v.optional("phone", cell(job, row, "phone"), PhoneNumber::new);
        Optional<JobTitle> title = v.optional("jobTitle", cell(job, row, "jobTitle"), JobTitle::new);
        Optional<CompanyDomain> domain = v.optional("companyDomain", cell(job, row, "companyDomain"), CompanyDomain::new);
        Map<String, String> cells = customCells(job, row);
        Map<CustomField, Optional<CustomValue>> custom = cells.isEmpty() ? Map.of()
            : CustomValues.readCells(v, definitions, cells);
        if (v.hasErrors()) {
          fail(row.line(), v.errors());
        } else {
          valid.add(new ContactValues(row.line(), email, first, last, phone, title, domain, custom));
        }
      }
      // DSR-04: the batch's identifiers (custom EMAIL and PHONE values too) meet the suppression
      // list at once, before any write.
      List<EmailAddress> batchEmails = new ArrayList<>();
      List<PhoneNumber> batchPhones = new ArrayList<>();
      valid.forEach(c -> {
        batchEmails.add(c.email());
        c.phone().ifPresent(batchPhones::add);
        batchEmails.addAll(CustomValueIntake.emails(c.custom()));
        batchPhones.addAll(CustomValueIntake.phones(c.custom()));
      });
      SuppressionList.Among suppressed = suppression.suppressedAmong(workspace, batchEmails, batchPhones);
      Set<String> emails = new LinkedHashSet<>();
      Set<String> domains = new LinkedHashSet<>();
      valid.forEach(c -> {
        emails.add(c.email().normalised());
        c.companyDomain().ifPresent(d -> domains.add(d.value()));
      });
      Map<String, ContactId> known = targets.contactsByEmail(workspace, emails);
      Map<String, CompanyId> companyIds = domains.isEmpty() ? Map.of() : targets.companiesByDomain(workspace, domains);
      // New contacts wait here, by normalised email, and are stored together at the end.
      Map<String, Contact> pending = new LinkedHashMap<>();
      Map<String, Map<CustomField, Optional<CustomValue>>> pendingCustom = new HashMap<>();
      for (ContactValues c : valid) {
        if (suppressed.email(c.email())) {
          fail(c.line(), "email", ImportError.SUPPRESSED);
          continue;
        }
        if (c.phone().filter(suppressed::phone).isPresent()) {
          fail(c.line(), "phone", ImportError.SUPPRESSED);
          continue;
        }
        Optional<String> suppressedColumn = suppressedCustom(c.custom(), suppressed);
        if (suppressedColumn.isPresent()) {
          fail(c.line(), suppressedColumn.get(), ImportError.SUPPRESSED);
          continue;
        }
        Optional<CompanyId> company = c.companyDomain().map(d -> companyIds.get(d.value()));
        if (c.companyDomain().isPresent() && company.isEmpty()) {
          fail(c.line(), "companyDomain", "is no company's domain in the workspace");
          continue;
        }
        String email = c.email().normalised();
        ContactId existing = known.get(email);
        if (existing != null) {
          duplicateContact(job, c, existing, company, now);
          continue;
        }
        Contact earlier = pending.get(email);
        if (earlier != null) { // earlier in this batch
          switch (job.onDuplicate()) {
            case SKIP -> skipped++;
            case FAIL -> fail(c.line(), "email", ImportError.DUPLICATE);
            case UPDATE -> {
              pending.put(email, Contact.create(workspace, earlier.id(), c.firstName().orElse(earlier.firstName()),
                  c.lastName().orElse(earlier.lastName()), earlier.email(), c.phone().or(earlier::phone),
                  c.jobTitle().or(earlier::jobTitle), company.or(earlier::company), now));
              pendingCustom.put(email, merged(pendingCustom.getOrDefault(email, Map.of()), c.custom()));
              updated++;
            }
          }
          continue;
        }
        if (c.firstName().isEmpty() || c.lastName().isEmpty()) {
          List<FieldError> missing = new ArrayList<>();
          if (c.firstName().isEmpty()) {
            missing.add(FieldError.field("firstName", "is required"));
          }
          if (c.lastName().isEmpty()) {
            missing.add(FieldError.field("lastName", "is required"));
          }
          fail(c.line(), missing);
          continue;
        }
        pending.put(email, Contact.create(workspace, ContactId.of(ids.newId()), c.firstName().get(),
            c.lastName().get(), c.email(), c.phone(), c.jobTitle(), company, now));
        pendingCustom.put(email, c.custom());
        created++;
      }
      if (!pending.isEmpty()) {
        contacts.insertAll(List.copyOf(pending.values()));
        pending.forEach((email, contact) -> writeCustom(workspace, ObjectType.CONTACT, contact.id().value(),
            pendingCustom.getOrDefault(email, Map.of())));
      }
      return outcome();
    }

    private void duplicateContact(ImportJob job, ContactValues c, ContactId existing, Optional<CompanyId> company,
        Instant now) {
      switch (job.onDuplicate()) {
        case SKIP -> skipped++;
        case FAIL -> fail(c.line(), "email", ImportError.DUPLICATE);
        case UPDATE -> {
          Optional<Contact> stored = contacts.findById(job.workspace(), existing);
          if (stored.isEmpty()) { // deleted since the lookup: not this batch's to re-create
            fail(c.line(), "email", ImportError.DUPLICATE);
            return;
          }
          Contact s = stored.get();
          // the email is what matched: the stored one stays as written
          Contact changed = s.changed(c.firstName().orElse(s.firstName()), c.lastName().orElse(s.lastName()),
              s.email(), c.phone().or(s::phone), c.jobTitle().or(s::jobTitle), company.or(s::company), now);
          if (!contacts.update(changed, s.version())) {
            throw new IllegalStateException("a contact changed during its import batch");
          }
          writeCustom(job.workspace(), ObjectType.CONTACT, s.id().value(), c.custom());
          updated++;
        }
      }
    }

    Outcome companies(ImportJob job, List<StagedRow> rows, Instant now) {
      WorkspaceId workspace = job.workspace();
      record CompanyValues(long line, Optional<CompanyName> name, Optional<CompanyDomain> domain,
          Map<CustomField, Optional<CustomValue>> custom) {}
      List<CustomField> definitions = definitions(job);
      List<CompanyValues> valid = new ArrayList<>();
      for (StagedRow row : rows) {
        Validator v = new Validator();
        Optional<CompanyName> name = v.optional("name", cell(job, row, "name"), CompanyName::new);
        Optional<CompanyDomain> domain = v.optional("domain", cell(job, row, "domain"), CompanyDomain::new);
        Map<String, String> cells = customCells(job, row);
        Map<CustomField, Optional<CustomValue>> custom = cells.isEmpty() ? Map.of()
            : CustomValues.readCells(v, definitions, cells);
        if (v.hasErrors()) {
          fail(row.line(), v.errors());
        } else {
          valid.add(new CompanyValues(row.line(), name, domain, custom));
        }
      }
      // DSR-04: custom EMAIL and PHONE values meet the suppression list at once, before any write
      // (no check, and no lock, for a batch without any).
      List<EmailAddress> customEmails = new ArrayList<>();
      List<PhoneNumber> customPhones = new ArrayList<>();
      valid.forEach(c -> {
        customEmails.addAll(CustomValueIntake.emails(c.custom()));
        customPhones.addAll(CustomValueIntake.phones(c.custom()));
      });
      SuppressionList.Among suppressed = customEmails.isEmpty() && customPhones.isEmpty()
          ? new SuppressionList.Among(Set.of(), Set.of())
          : suppression.suppressedAmong(workspace, customEmails, customPhones);
      Set<String> domains = new LinkedHashSet<>();
      valid.forEach(c -> c.domain().ifPresent(d -> domains.add(d.value())));
      Map<String, CompanyId> known = new HashMap<>(domains.isEmpty() ? Map.of()
          : targets.companiesByDomain(workspace, domains));
      for (CompanyValues c : valid) {
        Optional<String> suppressedColumn = suppressedCustom(c.custom(), suppressed);
        if (suppressedColumn.isPresent()) {
          fail(c.line(), suppressedColumn.get(), ImportError.SUPPRESSED);
          continue;
        }
        CompanyId existing = c.domain().map(d -> known.get(d.value())).orElse(null);
        if (existing != null) {
          switch (job.onDuplicate()) {
            case SKIP -> skipped++;
            case FAIL -> fail(c.line(), "domain", ImportError.DUPLICATE);
            case UPDATE -> {
              Optional<Company> stored = companies.findById(workspace, existing);
              if (stored.isEmpty()) {
                fail(c.line(), "domain", ImportError.DUPLICATE);
                continue;
              }
              Company s = stored.get();
              if (!companies.update(s.changed(c.name().orElse(s.name()), s.domain(), now), s.version())) {
                throw new IllegalStateException("a company changed during its import batch");
              }
              writeCustom(workspace, ObjectType.COMPANY, s.id().value(), c.custom());
              updated++;
            }
          }
          continue;
        }
        if (c.name().isEmpty()) {
          fail(c.line(), "name", "is required");
          continue;
        }
        Company company = Company.create(workspace, CompanyId.of(ids.newId()), c.name().get(), c.domain(), now);
        companies.insert(company);
        writeCustom(workspace, ObjectType.COMPANY, company.id().value(), c.custom());
        c.domain().ifPresent(d -> known.put(d.value(), company.id()));
        created++;
      }
      return outcome();
    }
  }

  /** Stores a record's custom values (none: nothing), as the API's writes do after the record. */
  private void writeCustom(WorkspaceId workspace, ObjectType type, java.util.UUID id,
      Map<CustomField, Optional<CustomValue>> custom) {
    if (!custom.isEmpty()) {
      customValues.write(workspace, new RecordRef(type, id), custom);
    }
  }

  private static String cell(ImportJob job, StagedRow row, String field) {
    int index = job.indexOf(field);
    return index < 0 ? null : row.cells().get(index);
  }
}
