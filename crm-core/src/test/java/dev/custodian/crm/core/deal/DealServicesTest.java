package dev.custodian.crm.core.deal;

import static dev.custodian.crm.core.company.CompanyFixtures.aCompany;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.deal.port.in.CreateDealCommand;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.core.deal.port.in.UpdateDealCommand;
import dev.custodian.crm.core.deal.service.DealServices;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.service.DefaultPipelineInitializer;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deal use cases on the in-memory fakes: placement, references named at once, moves and their history, filters. */
class DealServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryPipelineRepository pipelines = new InMemoryPipelineRepository(tx);
  private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(tx, companies);
  private final InMemoryDealRepository repository = new InMemoryDealRepository(tx, companies, contacts, pipelines);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final DealUseCases deals = DealServices.create(inWorkspace, repository, pipelines, IdGenerator.random(),
      Clock.systemUTC());
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;
  private WorkspaceId other;
  private Pipeline sales;
  private Pipeline salesOfOther;

  @BeforeEach
  void twoWorkspacesWithTheirDefaultPipelines() {
    ws = workspace(true);
    other = workspace(false);
    sales = tx.inWorkspace(ws, () -> pipelines.list(ws).get(0));
    salesOfOther = tx.inWorkspace(other, () -> pipelines.list(other).get(0));
  }

  private WorkspaceId workspace(boolean withMembers) {
    Workspace w = aWorkspace();
    tx.inWorkspace(w.id(), () -> {
      workspaces.insert(w);
      if (withMembers) {
        memberships.insert(w.id(), member.account(), Role.MEMBER, w.createdAt());
        memberships.insert(w.id(), viewer.account(), Role.VIEWER, w.createdAt());
      }
      new DefaultPipelineInitializer(pipelines, IdGenerator.random(), Clock.systemUTC()).initialize(w.id());
      return null;
    });
    return w.id();
  }

  private Contact contactOf(WorkspaceId workspace) {
    Contact contact = aContact(workspace);
    tx.inWorkspace(workspace, () -> { contacts.insert(contact); return null; });
    return contact;
  }

  private Company companyOf(WorkspaceId workspace) {
    Company company = aCompany(workspace);
    tx.inWorkspace(workspace, () -> { companies.insert(company); return null; });
    return company;
  }

  private Deal create(String title, String stageId, String companyId, List<String> contactIds) {
    return deals.create().create(member, CreateDealCommand.of(ws, title, Money.of("100", "EUR"), null, stageId, null,
        companyId, contactIds));
  }

  @Test
  void aDealWithoutPipelineOrStage_goesToTheDefaultPipelinesFirstOpenStage_andItsHistoryRecordsIt() {
    Deal deal = create("First", null, null, null);

    assertThat(deal.pipeline()).isEqualTo(sales.id());
    assertThat(deal.stage()).isEqualTo(sales.openStages().get(0).id());
    var history = deals.history().history(viewer, ws, deal.id(), ListQuery.first(DealListing.HISTORY_OFFER, 10));
    assertThat(history.items()).singleElement().satisfies(change -> {
      assertThat(change.from()).isEmpty();
      assertThat(change.to().id()).isEqualTo(deal.stage());
      assertThat(change.actor()).contains(member.account());
    });
  }

  @Test
  void everyReferenceOutsideTheWorkspaceIsNamedAtOnce_andNothingIsStored() {
    Contact mine = contactOf(ws);
    Contact foreign = contactOf(other);
    Company foreignCompany = companyOf(other);

    assertThatThrownBy(() -> create("Bad", salesOfOther.openStages().get(0).id().toString(),
        foreignCompany.id().toString(), List.of(mine.id().toString(), foreign.id().toString(), UUID.randomUUID().toString())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("stageId", "companyId", "contactIds"));
    assertThatThrownBy(() -> deals.create().create(member, CreateDealCommand.of(ws, "Bad", null,
        salesOfOther.id().toString(), null, null, foreignCompany.id().toString(), null)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("pipelineId", "companyId"));
    assertThat(deals.list().list(viewer, ws, ListQuery.first(DealListing.OFFER, 10)).items()).isEmpty();
  }

  @Test
  void aPatchIsAskedOnlyAboutTheReferencesItAdds_andNamesEachBadOne() {
    Contact kept = contactOf(ws);
    Deal deal = create("Linked", null, null, List.of(kept.id().toString()));
    Contact foreign = contactOf(other);

    assertThatThrownBy(() -> deals.update().update(member, UpdateDealCommand.of(new Validator(), ws, deal.id(),
        OptionalLong.of(deal.version()), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
        PatchValue.set(UUID.randomUUID().toString()), PatchValue.absent(),
        PatchValue.set(companyOf(other).id().toString()),
        PatchValue.set(List.of(kept.id().toString(), foreign.id().toString())))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("stageId", "companyId", "contactIds"));
    assertThat(deals.get().get(viewer, ws, deal.id())).isEqualTo(deal);
  }

  @Test
  void aMoveIsRecorded_andAStaleOneChangesNothing() {
    Deal deal = create("Moving", null, null, null);
    UpdateDealCommand toWon = UpdateDealCommand.of(new Validator(), ws, deal.id(), OptionalLong.of(deal.version()),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.set(sales.wonStage().id().toString()),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent());

    Deal won = deals.update().update(member, toWon);
    assertThat(won.status()).isEqualTo(DealStatus.WON);
    assertThat(won.closedAt()).isPresent();
    assertThatThrownBy(() -> deals.update().update(member, toWon)).isInstanceOf(PreconditionFailedException.class);
    assertThat(deals.history().history(viewer, ws, deal.id(), ListQuery.first(DealListing.HISTORY_OFFER, 10)).items())
        .hasSize(2);
  }

  @Test
  void theSummaryTakesTheListsFilters() {
    Contact ada = contactOf(ws);
    create("Ada's", null, null, List.of(ada.id().toString()));
    create("Someone else's", null, null, null);

    var filters = ListQuery.filtersOf(new Validator(), DealListing.SUMMARY_OFFER,
        Map.of("contactId", List.of(ada.id().toString())));
    assertThat(deals.summary().summary(viewer, ws, sales.id(), filters).stages().get(0).count()).isEqualTo(1);
    assertThat(deals.summary().summary(viewer, ws, sales.id()).stages().get(0).count()).isEqualTo(2);
  }

  @Test
  void aViewerReadsButDoesNotWrite() {
    assertThatThrownBy(() -> deals.create().create(viewer, CreateDealCommand.of(ws, "No", null, null, null, null,
        null, null))).isInstanceOf(ForbiddenException.class);
    assertThat(deals.list().list(viewer, ws, ListQuery.first(DealListing.OFFER, 10)).items()).isEmpty();
  }
}
