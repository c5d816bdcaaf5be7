package dev.custodian.crm.persistence.contact;

import static dev.custodian.crm.persistence.generated.Tables.CONTACTS;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.DatabaseErrors;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.ListColumns;
import dev.custodian.crm.persistence.generated.tables.records.ContactsRecord;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link ContactRepository} on the {@code contacts} table. Every statement
 * filters by the workspace itself; row-level security is the second, independent wall. A contact's
 * company is checked by the foreign key {@code contacts_company_fk} within the insert or update
 * itself (no statement of its own), and its violation is the core's validation error.
 */
final class JooqContactRepository implements ContactRepository {

  /** The contact list's columns: {@code lastName} sorts by its key column (indexed with the workspace). */
  private static final ListColumns LIST_COLUMNS = ListColumns.of(CONTACTS.ID)
      .field(ContactListing.CREATED_AT, CONTACTS.CREATED_AT)
      .field(ContactListing.LAST_NAME, CONTACTS.LAST_NAME)
      .field(ContactListing.COMPANY_ID, CONTACTS.COMPANY_ID)
      .sortKey(ContactListing.LAST_NAME, CONTACTS.LAST_NAME_SORT);

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

  @Override
  public Optional<Contact> findById(WorkspaceId workspace, ContactId id) {
    return selectOne(workspace, id).fetchOptional().map(ContactMapper::toContact);
  }

  @Override
  public Optional<Contact> findByIdForUpdate(WorkspaceId workspace, ContactId id) {
    return selectOne(workspace, id).forUpdate().fetchOptional().map(ContactMapper::toContact);
  }

  private SelectConditionStep<ContactsRecord> selectOne(WorkspaceId workspace, ContactId id) {
    return transactions.dsl(workspace).selectFrom(CONTACTS).where(key(workspace, id));
  }

  @Override
  public Page<Contact> list(WorkspaceId workspace, ListQuery query) {
    return KeysetPaging.page(
        transactions.dsl(workspace).selectFrom(CONTACTS).where(CONTACTS.TENANT_ID.eq(workspace.value())),
        query.requireOffer(ContactListing.OFFER), LIST_COLUMNS).map(ContactMapper::toContact);
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
