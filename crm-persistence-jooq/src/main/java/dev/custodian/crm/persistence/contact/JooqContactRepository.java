package dev.custodian.crm.persistence.contact;

import static dev.custodian.crm.persistence.generated.Tables.COMPANIES;
import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;

import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.TextOrder;
import dev.custodian.crm.core.company.CompanyDomain;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.ExportedContact;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.Columns;
import dev.custodian.crm.persistence.common.CustomValueColumns;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.generated.tables.Contacts;
import dev.custodian.crm.persistence.generated.tables.records.ContactsRecord;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Persistence adapter: {@link ContactRepository} on the {@code contacts} table. Every statement
 * filters by the workspace itself; row-level security is the second, independent wall. A contact's
 * company is checked by the foreign key {@code contacts_company_fk} within the insert or update
 * itself (no statement of its own), and its violation is the core's validation error.
 */
final class JooqContactRepository implements ContactRepository {

  private static final Field<String[]> CUSTOM = CustomValueColumns.of(ObjectType.CONTACT, CONTACTS.TENANT_ID,
      CONTACTS.ID);

  /** What a search matches in besides the company's name, as the index {@code contacts_search_ix} (V21) reads it. */
  private static final String SEARCHED =
      "({0} || ' ' || {1} || chr(10) || {2} || chr(10) || case when {3} is null then '' else {3} end)";

  private final JooqTransactions transactions;

  JooqContactRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(Contact contact) {
    translatingViolations(() -> transactions.dsl(contact.workspace())
        .insertInto(CONTACTS)
        .set(ContactMapper.toRecord(contact))
        .execute());
  }

  /**
   * One small statement for the whole list: each column bound as one array and spread by
   * {@code unnest}, so neither jOOQ nor PostgreSQL handles 1,000 x 13 bind values. The tenant is one
   * bound value; row-level security checks every row as for any insert.
   */
  @Override
  public void insertAll(List<Contact> contacts) {
    if (contacts.isEmpty()) {
      return;
    }
    WorkspaceId workspace = contacts.get(0).workspace();
    int n = contacts.size();
    String[] ids = new String[n];
    String[] firstNames = new String[n];
    String[] lastNames = new String[n];
    String[] lastNameSorts = new String[n];
    String[] emails = new String[n];
    String[] emailsNormalised = new String[n];
    String[] phones = new String[n];
    String[] jobTitles = new String[n];
    String[] companies = new String[n];
    String[] createdAts = new String[n];
    String[] updatedAts = new String[n];
    String[] versions = new String[n];
    for (int i = 0; i < n; i++) {
      Contact contact = contacts.get(i);
      if (!contact.workspace().equals(workspace)) {
        throw new IllegalArgumentException("contacts of one workspace");
      }
      ids[i] = contact.id().value().toString();
      firstNames[i] = contact.firstName().value();
      lastNames[i] = contact.lastName().value();
      lastNameSorts[i] = TextOrder.key(contact.lastName().value());
      emails[i] = contact.email().value();
      emailsNormalised[i] = contact.email().normalised();
      phones[i] = contact.phone().map(PhoneNumber::value).orElse(null);
      jobTitles[i] = contact.jobTitle().map(JobTitle::value).orElse(null);
      companies[i] = contact.company().map(company -> company.value().toString()).orElse(null);
      createdAts[i] = contact.createdAt().toString();
      updatedAts[i] = contact.updatedAt().toString();
      versions[i] = Long.toString(contact.version());
    }
    translatingViolations(() -> transactions.dsl(workspace).execute(INSERT_ALL, DSL.val(workspace.value()),
        texts(ids), texts(firstNames), texts(lastNames), texts(lastNameSorts), texts(emails),
        texts(emailsNormalised), texts(phones), texts(jobTitles), texts(companies), texts(createdAts),
        texts(updatedAts), texts(versions)));
  }

  /** {@link #insertAll}'s statement: the tenant, then one text array per further column, cast here. */
  private static final String INSERT_ALL = """
      insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email, email_normalised, phone,
          job_title, company_id, created_at, updated_at, version)
      select {0}, u.* from unnest({1}::uuid[], {2}::text[], {3}::text[], {4}::text[], {5}::text[], {6}::text[],
          {7}::text[], {8}::text[], {9}::uuid[], {10}::timestamptz[], {11}::timestamptz[], {12}::bigint[]) as u""";

  private static Field<String[]> texts(String[] values) {
    return DSL.val(values, SQLDataType.VARCHAR.array());
  }

  @Override
  public Optional<Contact> findById(WorkspaceId workspace, ContactId id) {
    return selectOne(workspace, id).fetchOptional().map(JooqContactRepository::toContact);
  }

  @Override
  public Optional<Contact> findByIdForUpdate(WorkspaceId workspace, ContactId id) {
    return selectOne(workspace, id).forUpdate().fetchOptional().map(JooqContactRepository::toContact);
  }

  /** A contact with its custom values (a nested set of its row): one statement. */
  private SelectConditionStep<Record> selectOne(WorkspaceId workspace, ContactId id) {
    return withCustom(transactions.dsl(workspace)).where(key(workspace, id));
  }

  private static SelectJoinStep<Record> withCustom(DSLContext dsl) {
    return dsl.select(CONTACTS.fields()).select(CUSTOM).from(CONTACTS);
  }

  private static Contact toContact(Record row) {
    return ContactMapper.toContact(Columns.of(row)).withCustom(CustomValueColumns.values(row.get(CUSTOM)));
  }

  @Override
  public Page<Contact> list(WorkspaceId workspace, ListQuery query) {
    return KeysetPaging.page(
        withCustom(transactions.dsl(workspace)).where(CONTACTS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(ContactListing.OFFER), listColumns(workspace)).map(JooqContactRepository::toContact);
  }

  /**
   * One statement through a cursor read ahead: the company's domain by a left join on its primary
   * key, the custom values of {@code fields} only (none: none read).
   */
  @Override
  public void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      Consumer<? super ExportedContact> sink) {
    Field<String[]> custom = CustomValueColumns.of(ObjectType.CONTACT, CONTACTS.TENANT_ID, CONTACTS.ID, fields);
    KeysetPaging.stream(transactions.dsl(workspace).select(CONTACTS.fields()).select(COMPANIES.DOMAIN, custom)
            .from(CONTACTS).leftJoin(COMPANIES).on(COMPANIES.TENANT_ID.eq(CONTACTS.TENANT_ID))
            .and(COMPANIES.ID.eq(CONTACTS.COMPANY_ID)).where(CONTACTS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(ContactListing.OFFER), listColumns(workspace), row -> new ExportedContact(
            ContactMapper.toContact(row).withCustom(CustomValueColumns.values(row.get(custom))),
            Optional.ofNullable(row.get(COMPANIES.DOMAIN)).map(CompanyDomain::new)), sink);
  }

  /**
   * A page of the list of the contacts that also meet {@code where} (a condition on
   * {@code contacts}' columns, e.g. another feature's correlated subqueries): one statement.
   */
  static Page<Contact> listWhere(JooqTransactions transactions, WorkspaceId workspace, ListQuery query,
      Condition where) {
    return KeysetPaging.page(
        withCustom(transactions.dsl(workspace)).where(CONTACTS.TENANT_ID.eq(workspace.value())).and(where),
        query.requireOffer(ContactListing.OFFER), listColumns(workspace)).map(JooqContactRepository::toContact);
  }

  /** The statement {@link #list} runs, built on {@code dsl} (for reading its plan). */
  static Select<Record> listStatement(DSLContext dsl, WorkspaceId workspace, ListQuery query) {
    return KeysetPaging.statement(dsl.select(CONTACTS.fields()).from(CONTACTS).where(CONTACTS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(ContactListing.OFFER), listColumns(workspace));
  }

  /**
   * The contact list's columns: {@code lastName} sorts by its key column (indexed with the
   * workspace); a search matches the full name (so either name), email and job title in one
   * trigram-indexed expression, or the company's name (its own trigram index): the contacts of
   * either, one semi-join, so each side is an index scan however the list sorts.
   */
  private static ListColumns listColumns(WorkspaceId workspace) {
    return ListColumns.of(CONTACTS.ID)
        .field(ContactListing.CREATED_AT, CONTACTS.CREATED_AT)
        .field(ContactListing.LAST_NAME, CONTACTS.LAST_NAME)
        .field(ContactListing.COMPANY_ID, CONTACTS.COMPANY_ID)
        .sortKey(ContactListing.LAST_NAME, CONTACTS.LAST_NAME_SORT)
        .customValues(ObjectType.CONTACT, CONTACTS.TENANT_ID)
        .search(q -> CONTACTS.ID.in(matching(workspace, q)));
  }

  private static Select<Record1<UUID>> matching(WorkspaceId workspace, String q) {
    Contacts own = CONTACTS.as("searched");
    Contacts employed = CONTACTS.as("employed");
    Field<String> searched = DSL.field(SEARCHED, String.class, own.FIRST_NAME, own.LAST_NAME, own.EMAIL, own.JOB_TITLE);
    return DSL.select(own.ID).from(own)
        .where(own.TENANT_ID.eq(workspace.value())).and(ListColumns.containing(searched, q))
        .union(DSL.select(employed.ID).from(employed).join(COMPANIES)
            .on(COMPANIES.TENANT_ID.eq(employed.TENANT_ID)).and(COMPANIES.ID.eq(employed.COMPANY_ID))
            .where(employed.TENANT_ID.eq(workspace.value())).and(COMPANIES.TENANT_ID.eq(workspace.value()))
            .and(ListColumns.containing(COMPANIES.NAME, q)));
  }

  @Override
  public boolean update(Contact changed, long expectedVersion) {
    ContactsRecord values = ContactMapper.toRecord(changed);
    return translatingViolations(() -> transactions.dsl(changed.workspace())
        .update(CONTACTS)
        .set(CONTACTS.FIRST_NAME, values.getFirstName())
        .set(CONTACTS.LAST_NAME, values.getLastName())
        .set(CONTACTS.LAST_NAME_SORT, values.getLastNameSort())
        .set(CONTACTS.EMAIL, values.getEmail())
        .set(CONTACTS.EMAIL_NORMALISED, values.getEmailNormalised())
        .set(CONTACTS.PHONE, values.getPhone())
        .set(CONTACTS.JOB_TITLE, values.getJobTitle())
        .set(CONTACTS.COMPANY_ID, values.getCompanyId())
        .set(CONTACTS.UPDATED_AT, values.getUpdatedAt())
        .set(CONTACTS.VERSION, values.getVersion())
        .where(key(changed.workspace(), changed.id()))
        .and(CONTACTS.VERSION.eq(expectedVersion))
        .execute()) == 1;
  }

  @Override
  public boolean delete(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion) {
    Condition version = expectedVersion.isPresent()
        ? CONTACTS.VERSION.eq(expectedVersion.getAsLong())
        : DSL.noCondition();
    return transactions.dsl(workspace).deleteFrom(CONTACTS).where(key(workspace, id)).and(version).execute() == 1;
  }

  /** One statement; the version moves on (the representation changed), {@code updated_at} stays. */
  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return transactions.dsl(workspace)
        .update(CONTACTS)
        .setNull(CONTACTS.COMPANY_ID)
        .set(CONTACTS.VERSION, CONTACTS.VERSION.plus(1))
        .where(CONTACTS.TENANT_ID.eq(workspace.value()))
        .and(CONTACTS.COMPANY_ID.eq(company.value()))
        .execute();
  }

  private static Condition key(WorkspaceId workspace, ContactId id) {
    return CONTACTS.TENANT_ID.eq(workspace.value()).and(CONTACTS.ID.eq(id.value()));
  }

  private static int translatingViolations(Supplier<Integer> write) {
    try {
      return write.get();
    } catch (org.jooq.exception.DataAccessException e) {
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "contacts_email_uk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "email is already taken in this workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.UNIQUE_VIOLATION, "contacts_pk")) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "contact already exists");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "contacts_workspace_fk")) {
        throw new NotFoundException("workspace");
      }
      if (DatabaseErrors.isViolation(e, DatabaseErrors.FOREIGN_KEY_VIOLATION, "contacts_company_fk")) {
        // The key holds tenant_id: another workspace's company and none at all fail it alike.
        throw ValidationException.of(FieldError.field("companyId", "is not a company of this workspace"));
      }
      throw e;
    }
  }
}
