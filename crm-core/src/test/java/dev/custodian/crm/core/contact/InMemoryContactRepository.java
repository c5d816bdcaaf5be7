package dev.custodian.crm.core.contact;

import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * In-memory fake of {@link ContactRepository}; passes the same contract as the jOOQ adapter. Its
 * table hides rows of any workspace but the one the transaction is bound to, as the database does,
 * and a contact's company must be one of {@code companies} in its workspace, as the foreign key says.
 */
public final class InMemoryContactRepository extends InMemoryTenantRepository<ContactId, Contact>
    implements ContactRepository {

  private final CompanyRepository companies;
  private ListFields<Contact> listFields;
  private CustomValueRepository customValues;

  public InMemoryContactRepository(InMemoryTransactions transactions, CompanyRepository companies) {
    super(InMemoryTenantTable.builder(transactions, Contact::workspace, Contact::id)
        .duplicateKeyMessage("contact already exists")
        .unique(c -> c.email().normalised(), "email is already taken in this workspace")
        .build());
    this.companies = Objects.requireNonNull(companies, "companies");
    this.listFields = listFields(companies);
  }

  /** Reads each contact's custom values from {@code values}, as the jOOQ adapter reads them with the row. */
  public void readingCustomValuesFrom(CustomValueRepository values) {
    this.customValues = Objects.requireNonNull(values, "values");
  }

  /** Lists by custom fields with the values in {@code values}, as the jOOQ adapter reads them. */
  public void listingCustomValuesFrom(InMemoryCustomValueRepository values) {
    listFields = listFields.withCustom(column -> {
      BiFunction<WorkspaceId, RecordRef, Object> read = values.listed(column);
      return c -> read.apply(c.workspace(), new RecordRef(ObjectType.CONTACT, c.id().value()));
    });
  }

  private Contact withCustom(Contact contact) {
    return customValues == null ? contact : contact.withCustom(
        customValues.read(contact.workspace(), new RecordRef(ObjectType.CONTACT, contact.id().value())));
  }

  @Override
  public void insert(Contact contact) {
    requireCompanyOfTheWorkspace(contact);
    super.insert(contact);
  }

  @Override
  public Page<Contact> list(WorkspaceId workspace, ListQuery query) {
    return table.list(workspace, query, listFields).map(this::withCustom);
  }

  @Override
  public void export(WorkspaceId workspace, ListQuery query, List<CustomField> fields,
      java.util.function.Consumer<? super ExportedContact> sink) {
    query.forEachRow(next -> list(workspace, next), contact -> sink.accept(new ExportedContact(
        contact.withCustom(contact.custom().only(fields)),
        contact.company().flatMap(company -> companies.findById(workspace, company)).flatMap(c -> c.domain()))));
  }

  /**
   * The contact list's fields, as {@link ContactListing#OFFER} names them, and what a search
   * matches in: the names, the full name, email, job title and the company's name, read from
   * {@code companies}.
   */
  public static ListFields<Contact> listFields(CompanyRepository companies) {
    return ListFields.<Contact>of(c -> c.id().value())
        .with(ContactListing.CREATED_AT, Contact::createdAt)
        .with(ContactListing.LAST_NAME, c -> c.lastName().value())
        .with(ContactListing.COMPANY_ID, c -> c.company().map(CompanyId::value).orElse(null))
        .searching(c -> searched(c, companies));
  }

  private static List<String> searched(Contact c, CompanyRepository companies) {
    String company = c.company().flatMap(id -> companies.findById(c.workspace(), id)).map(co -> co.name().value()).orElse(null);
    return Arrays.asList(c.firstName().value(), c.lastName().value(), c.firstName().value() + " " + c.lastName().value(),
        c.email().value(), c.jobTitle().map(JobTitle::value).orElse(null), company);
  }

  @Override
  public Optional<Contact> findById(WorkspaceId workspace, ContactId id) {
    return table.find(workspace, id).map(this::withCustom);
  }

  /** Transactions of this fake are serialised, so a plain read is already exclusive. */
  @Override
  public Optional<Contact> findByIdForUpdate(WorkspaceId workspace, ContactId id) {
    return findById(workspace, id);
  }

  @Override
  public boolean update(Contact changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    if (current) {
      requireCompanyOfTheWorkspace(changed);
    }
    return current && table.replace(changed);
  }

  @Override
  public boolean delete(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion) {
    boolean matches = findById(workspace, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    return matches && table.remove(workspace, id);
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    List<Contact> linked = table.visible(workspace)
        .filter(c -> c.company().equals(Optional.of(company))).toList();
    linked.forEach(c -> table.replace(c.unlinkedFromCompany()));
    return linked.size();
  }

  /** The foreign key's check: the company is one of the contact's workspace, as far as it can see. */
  private void requireCompanyOfTheWorkspace(Contact contact) {
    boolean unknown = contact.company()
        .filter(company -> companies.findById(contact.workspace(), company).isEmpty()).isPresent();
    if (unknown) {
      throw ValidationException.of(FieldError.field("companyId", "is not a company of this workspace"));
    }
  }
}
