package dev.custodian.crm.core.contact;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPorts;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;

/**
 * The contract catches an adapter that ignores the transaction's workspace: such an adapter,
 * scoping by the workspace argument alone, passed every contract before the tenancy case existed.
 * Here it fails exactly that case and passes all the others.
 */
class BrokenAdapterFailsTheContractTest {

  /** A contact store that filters by the workspace it is given and never asks the transaction. */
  static final class WorkspaceArgumentOnlyRepository implements ContactRepository {

    private record Key(WorkspaceId workspace, ContactId id) {}

    private final InMemoryTable<Key, Contact> rows;
    private final CompanyRepository companies;

    WorkspaceArgumentOnlyRepository(InMemoryTransactions transactions, CompanyRepository companies) {
      this.rows = transactions.newTable();
      this.companies = companies;
    }

    @Override
    public void insert(Contact contact) {
      refuseUnknownCompany(contact);
      refuseTakenEmail(contact);
      if (rows.rows().putIfAbsent(new Key(contact.workspace(), contact.id()), contact) != null) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "taken");
      }
    }

    private void refuseUnknownCompany(Contact contact) {
      if (contact.company().filter(c -> companies.findById(contact.workspace(), c).isEmpty()).isPresent()) {
        throw ValidationException.of(FieldError.field("companyId", "is not a company of this workspace"));
      }
    }

    private void refuseTakenEmail(Contact contact) {
      if (rows.rows().values().stream().anyMatch(c -> c.workspace().equals(contact.workspace())
          && !c.id().equals(contact.id()) && c.email().normalised().equals(contact.email().normalised()))) {
        throw new ConflictException(ConflictException.Kind.DUPLICATE, "taken");
      }
    }

    @Override
    public Optional<Contact> findById(WorkspaceId workspace, ContactId id) {
      return Optional.ofNullable(rows.rows().get(new Key(workspace, id)));
    }

    @Override
    public Optional<Contact> findByIdForUpdate(WorkspaceId workspace, ContactId id) {
      return findById(workspace, id);
    }

    @Override
    public Page<Contact> list(WorkspaceId workspace, ListQuery query) {
      return InMemoryPaging.page(rows.rows().values().stream().filter(c -> c.workspace().equals(workspace)),
          query, InMemoryContactRepository.listFields(companies));
    }

    @Override
    public void export(WorkspaceId workspace, ListQuery query, List<dev.custodian.crm.core.customfield.CustomField> fields,
        java.util.function.Consumer<? super ExportedContact> sink) {
      query.forEachRow(next -> list(workspace, next), contact -> sink.accept(new ExportedContact(
          contact.withCustom(contact.custom().only(fields)),
          contact.company().flatMap(company -> companies.findById(workspace, company)).flatMap(c -> c.domain()))));
    }

    @Override
    public boolean update(Contact changed, long expectedVersion) {
      Optional<Contact> stored = findById(changed.workspace(), changed.id());
      if (stored.isEmpty() || stored.get().version() != expectedVersion) {
        return false;
      }
      refuseUnknownCompany(changed);
      refuseTakenEmail(changed);
      rows.rows().put(new Key(changed.workspace(), changed.id()), changed);
      return true;
    }

    @Override
    public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
      List<Contact> linked = rows.rows().values().stream()
          .filter(c -> c.workspace().equals(workspace) && c.company().equals(Optional.of(company))).toList();
      linked.forEach(c -> rows.rows().put(new Key(workspace, c.id()), c.unlinkedFromCompany()));
      return linked.size();
    }

    @Override
    public boolean delete(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion) {
      Optional<Contact> stored = findById(workspace, id);
      if (stored.isEmpty() || expectedVersion.isPresent() && stored.get().version() != expectedVersion.getAsLong()) {
        return false;
      }
      return rows.rows().remove(new Key(workspace, id)) != null;
    }
  }

  /** The contract on the broken adapter; run only from the test below (a nested class, so surefire skips it). */
  static class ContractOnBrokenAdapter extends AbstractContactRepositoryContractTest {

    @RegisterExtension final InMemoryPorts ports = new InMemoryPorts();
    private CompanyRepository companies;

    @Override
    protected CompanyRepository companies() {
      companies = new InMemoryCompanyRepository(ports.transactions());
      return companies;
    }

    @Override
    protected ContactRepository contacts() {
      return new WorkspaceArgumentOnlyRepository(ports.transactions(), companies);
    }
  }

  @Test
  @DisplayName("TEN-01: an adapter that ignores the transaction's workspace fails the contact contract's tenancy case, and only it")
  void tenancyCaseCatchesTheBrokenAdapter() {
    var tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(ContractOnBrokenAdapter.class))
        .execute()
        .testEvents();

    tests.failed().assertThatEvents().haveExactly(1,
        EventConditions.test("callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt"));
    tests.assertStatistics(stats -> stats.failed(1).succeeded(tests.started().count() - 1));
  }
}
