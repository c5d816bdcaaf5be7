package dev.custodian.crm.core.company;

import dev.custodian.crm.core.common.InMemoryTenantRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * In-memory fake of {@link CompanyRepository}; passes the same contract as the jOOQ adapter. Its
 * table hides rows of any workspace but the one the transaction is bound to, as the database does.
 */
public final class InMemoryCompanyRepository extends InMemoryTenantRepository<CompanyId, Company>
    implements CompanyRepository {

  /** The company list's fields, as {@link CompanyListing#OFFER} names them. */
  public static final ListFields<Company> LIST_FIELDS = ListFields.<Company>of(c -> c.id().value())
      .with(CompanyListing.CREATED_AT, Company::createdAt)
      .with(CompanyListing.NAME, c -> c.name().value())
      .with(CompanyListing.DOMAIN, c -> c.domain().map(CompanyDomain::value).orElse(null))
      .searching(c -> Arrays.asList(c.name().value(), c.domain().map(CompanyDomain::value).orElse(null)));

  private ListFields<Company> listFields = LIST_FIELDS;

  /** Lists by custom fields with the values in {@code values}, as the jOOQ adapter reads them. */
  public void listingCustomValuesFrom(InMemoryCustomValueRepository values) {
    listFields = LIST_FIELDS.withCustom(column -> {
      BiFunction<WorkspaceId, RecordRef, Object> read = values.listed(column);
      return c -> read.apply(c.workspace(), new RecordRef(ObjectType.COMPANY, c.id().value()));
    });
  }

  public InMemoryCompanyRepository(InMemoryTransactions transactions) {
    super(InMemoryTenantTable.builder(transactions, Company::workspace, Company::id)
        .duplicateKeyMessage("company already exists")
        .unique(c -> c.domain().map(CompanyDomain::value).orElse(null), "domain is already taken in this workspace")
        .build());
  }

  @Override
  public Page<Company> list(WorkspaceId workspace, ListQuery query) {
    return table.list(workspace, query, listFields).map(this::withCustom);
  }

  private CustomValueRepository customValues;

  /** Reads each company's custom values from {@code values}, as the jOOQ adapter reads them with the row. */
  public void readingCustomValuesFrom(CustomValueRepository values) {
    this.customValues = java.util.Objects.requireNonNull(values, "values");
  }

  private Company withCustom(Company company) {
    return customValues == null ? company : company.withCustom(
        customValues.read(company.workspace(), new RecordRef(ObjectType.COMPANY, company.id().value())));
  }

  @Override
  public Optional<Company> findById(WorkspaceId workspace, CompanyId id) {
    return table.find(workspace, id).map(this::withCustom);
  }

  /** Transactions of this fake are serialised, so a plain read is already exclusive. */
  @Override
  public Optional<Company> findByIdForUpdate(WorkspaceId workspace, CompanyId id) {
    return findById(workspace, id);
  }

  @Override
  public boolean update(Company changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    return current && table.replace(changed);
  }

  @Override
  public boolean delete(WorkspaceId workspace, CompanyId id, OptionalLong expectedVersion) {
    boolean matches = findById(workspace, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    return matches && table.remove(workspace, id);
  }
}
