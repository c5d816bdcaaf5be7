package dev.custodian.crm.core.deal;

import static dev.custodian.crm.core.company.CompanyFixtures.aCompany;
import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static dev.custodian.crm.core.pipeline.PipelineFixtures.aPipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldFixtures;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.pipeline.Pipeline;
import dev.custodian.crm.core.pipeline.Stage;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link dev.custodian.crm.core.deal.port.out.DealRepository}: workspace scoping by the
 * workspace argument, references checked as the foreign keys do, the links and the history written
 * with the deal and only by a write that happened, optimistic locking, the list's filters and the
 * history's order. The in-memory fake and the jOOQ adapter both extend it; the jOOQ adapter also
 * runs it through a role that bypasses row-level security.
 */
public abstract class AbstractDealRepositoryContractTest extends AbstractPortContractTest {

  protected dev.custodian.crm.core.deal.port.out.DealRepository deals;
  protected PipelineRepository pipelines;
  protected CompanyRepository companies;
  protected ContactRepository contacts;
  protected CustomFieldRepository customFields;
  protected CustomValueRepository customValues;

  private Pipeline pipelineOfA;
  private Pipeline pipelineOfB;

  protected abstract PipelineRepository pipelines();

  protected abstract CompanyRepository companies();

  protected abstract ContactRepository contacts();

  /** The repository under test, over the other three's stores. */
  protected abstract dev.custodian.crm.core.deal.port.out.DealRepository deals();

  /** The custom field definitions' store, sharing the fixture's transactions. */
  protected abstract CustomFieldRepository customFields();

  /** The custom values' store, from which {@link #deals} reads a deal's values. */
  protected abstract CustomValueRepository customValues();

  @Override
  protected void portsReady() {
    pipelines = pipelines();
    companies = companies();
    contacts = contacts();
    deals = deals();
    customFields = customFields();
    customValues = customValues();
    pipelineOfA = aPipeline(a);
    pipelineOfB = aPipeline(b);
    run(a, () -> pipelines.insert(pipelineOfA));
    run(b, () -> pipelines.insert(pipelineOfB));
  }

  private Pipeline pipelineOf(WorkspaceId workspace) {
    return workspace.equals(a) ? pipelineOfA : pipelineOfB;
  }

  private Deal aDeal(WorkspaceId workspace, String title, Stage stage, Optional<Company> company,
      Set<ContactId> contactIds, Instant createdAt) {
    return Deal.create(workspace, DealId.of(UUID.randomUUID()), new DealTitle(title),
        Optional.of(Money.of("12500.50", "EUR")), pipelineOf(workspace).id(), StageSnapshot.of(stage),
        Optional.of(LocalDate.parse("2026-12-31")), company.map(Company::id), contactIds, createdAt);
  }

  private Deal aDeal(WorkspaceId workspace) {
    return aDeal(workspace, "Deal " + UUID.randomUUID(), pipelineOf(workspace).openStages().get(0),
        Optional.empty(), Set.of(), Instant.parse("2026-05-06T07:08:09.123456789Z"));
  }

  private static StageChange created(Deal deal, Stage stage) {
    return new StageChange(deal.workspace(), UUID.randomUUID(), deal.id(), Optional.empty(), StageSnapshot.of(stage),
        deal.createdAt(), Optional.of(AccountId.of(UUID.randomUUID())));
  }

  private Deal stored(Deal deal) {
    Stage stage = pipelineOf(deal.workspace()).stage(deal.stage()).orElseThrow();
    run(deal.workspace(), () -> deals.insert(deal, created(deal, stage)));
    return deal;
  }

  private Optional<Deal> read(WorkspaceId workspace, DealId id) {
    return in(workspace, () -> deals.findById(workspace, id));
  }

  private List<StageChange> history(WorkspaceId workspace, DealId id) {
    return in(workspace, () -> deals.history(workspace, id, ListQuery.first(DealListing.HISTORY_OFFER, 100)).items());
  }

  private <T> T stored(WorkspaceId workspace, java.util.function.Supplier<T> row, java.util.function.Consumer<T> insert) {
    T value = row.get();
    run(workspace, () -> insert.accept(value));
    return value;
  }

  @Test
  @DisplayName("TEN-01: a deal is read with its custom values, by id and in a list, and only its workspace's")
  void givenCustomValues_whenRead_thenTheyComeWithTheDeal_byIdAndInALists_andOnlyInItsWorkspace() {
    Deal deal = stored(aDeal(a));
    Deal other = stored(aDeal(a));
    Deal ofB = stored(aDeal(b));
    CustomField budget = CustomFieldFixtures.aField(a, ObjectType.DEAL, "budget", CustomFieldType.CURRENCY);
    CustomField source = CustomFieldFixtures.aField(a, ObjectType.DEAL, "source", CustomFieldType.SINGLE_SELECT);
    run(a, () -> {
      customFields.insert(budget);
      customFields.insert(source);
      customValues.write(a, new RecordRef(ObjectType.DEAL, deal.id().value()),
          CustomFieldFixtures.setting(budget, Map.of("amount", "12.5", "currency", "EUR")));
      customValues.write(a, new RecordRef(ObjectType.DEAL, deal.id().value()),
          CustomFieldFixtures.setting(source, "silver"));
    });

    Deal read = read(a, deal.id()).orElseThrow();
    assertThat(read.custom().values()).containsOnlyKeys(new FieldKey("budget"), new FieldKey("source"));
    assertThat(read.custom().get(new FieldKey("budget")).orElseThrow().value()).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(read.custom().optionKey(source.options().get(1).id())).contains(new FieldKey("silver"));
    assertThat(read(a, other.id()).orElseThrow().custom().values()).isEmpty();
    List<Deal> page = in(a, () -> deals.list(a, ListQuery.first(DealListing.OFFER, 50)).items());
    assertThat(page).filteredOn(d -> d.id().equals(deal.id())).singleElement()
        .satisfies(d -> assertThat(d.custom()).isEqualTo(read.custom()));
    assertThat(page).filteredOn(d -> d.id().equals(other.id())).singleElement()
        .satisfies(d -> assertThat(d.custom().values()).isEmpty());
    assertThat(read(b, deal.id())).as("A's deal through B").isEmpty();
    assertThat(read(b, ofB.id()).orElseThrow().custom().values()).isEmpty();
    assertThat(in(b, () -> deals.list(b, ListQuery.first(DealListing.OFFER, 50)).items()))
        .allSatisfy(d -> assertThat(d.custom().values()).isEmpty());
  }

  @Test
  void givenStoredDeal_whenRead_thenEverythingRoundTripsWithItsLinksAndItsFirstStage() {
    Company company = stored(a, () -> aCompany(a), companies::insert);
    Contact one = stored(a, () -> aContact(a), contacts::insert);
    Contact two = stored(a, () -> aContact(a), contacts::insert);
    Deal deal = stored(aDeal(a, "Fleet renewal", pipelineOfA.wonStage(), Optional.of(company),
        Set.of(one.id(), two.id()), Instant.now()));
    Deal bare = stored(Deal.create(a, DealId.of(UUID.randomUUID()), new DealTitle("Bare"), Optional.empty(),
        pipelineOfA.id(), StageSnapshot.of(pipelineOfA.openStages().get(0)), Optional.empty(), Optional.empty(),
        Set.of(), Instant.now()));

    assertThat(read(a, deal.id())).contains(deal);
    assertThat(read(a, deal.id()).orElseThrow().closedAt()).isPresent();
    assertThat(read(a, deal.id()).orElseThrow().amount().orElseThrow().amountText()).isEqualTo("12500.50");
    assertThat(read(a, bare.id())).contains(bare);
    assertThat(read(a, DealId.of(UUID.randomUUID()))).isEmpty();
    List<StageChange> history = history(a, deal.id());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).from()).isEmpty();
    assertThat(history.get(0).to()).isEqualTo(StageSnapshot.of(pipelineOfA.wonStage()));
  }

  @Test
  void givenAmountsOfEachScale_whenStored_thenTheyComeBackExactly() {
    for (Map.Entry<String, String> money : Map.of("0.001", "BHD", "999999999999999.99", "EUR", "7", "JPY").entrySet()) {
      Deal deal = Deal.create(a, DealId.of(UUID.randomUUID()), new DealTitle("Exact"),
          Optional.of(Money.of(money.getKey(), money.getValue())), pipelineOfA.id(),
          StageSnapshot.of(pipelineOfA.openStages().get(0)), Optional.empty(), Optional.empty(), Set.of(), Instant.now());
      stored(deal);
      assertThat(read(a, deal.id()).orElseThrow().amount()).isEqualTo(deal.amount());
    }
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, changes or deletes workspace A's deal or its history")
  void callsForAnotherWorkspaceNeverReachTheDeal() {
    Deal deal = stored(aDeal(a));
    Deal changedAsIfInB = Deal.reconstitute(b, deal.id(), new DealTitle("Mallory"), deal.amount(),
        deal.pipeline(), deal.stage(), deal.stageKind(), deal.expectedCloseDate(), deal.closedAt(), Optional.empty(),
        Set.of(), deal.createdAt(), Instant.now(), 2);

    run(b, () -> {
      assertThat(deals.findById(b, deal.id())).isEmpty();
      assertThat(deals.list(b, ListQuery.first(DealListing.OFFER, 200)).items()).isEmpty();
      assertThat(deals.history(b, deal.id(), ListQuery.first(DealListing.HISTORY_OFFER, 200)).items()).isEmpty();
      assertThat(deals.update(changedAsIfInB, deal.version(), Optional.empty())).isFalse();
      assertThat(deals.delete(b, deal.id(), OptionalLong.empty())).isFalse();
    });
    assertThat(read(a, deal.id())).contains(deal);
    assertThat(history(a, deal.id())).hasSize(1);
  }

  @Test
  @DisplayName("TEN-01: inside a transaction of workspace A, a call naming workspace B neither reads nor writes B's deals")
  void callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt() {
    Deal ofB = stored(aDeal(b));
    run(a, () -> {
      assertRefusedOr(() -> deals.findById(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> deals.list(b, ListQuery.first(DealListing.OFFER, 200)), page -> assertThat(page.items()).isEmpty());
      assertRefusedOr(() -> deals.history(b, ofB.id(), ListQuery.first(DealListing.HISTORY_OFFER, 200)),
          page -> assertThat(page.items()).isEmpty());
      assertRefusedOr(() -> deals.delete(b, ofB.id(), OptionalLong.empty()), deleted -> assertThat(deleted).isFalse());
    });
    assertThat(read(b, ofB.id())).contains(ofB);
  }

  @Test
  @DisplayName("TEN-01: a deal naming another workspace's company or contact is refused on the field, storing nothing")
  void referencesOutsideTheWorkspaceAreRefused() {
    Company companyOfB = stored(b, () -> aCompany(b), companies::insert);
    Contact contactOfB = stored(b, () -> aContact(b), contacts::insert);
    Deal withCompany = aDeal(a, "X", pipelineOfA.openStages().get(0), Optional.of(companyOfB), Set.of(), Instant.now());
    Deal withContact = aDeal(a, "Y", pipelineOfA.openStages().get(0), Optional.empty(), Set.of(contactOfB.id()),
        Instant.now());
    Deal withUnknownContact = aDeal(a, "Z", pipelineOfA.openStages().get(0), Optional.empty(),
        Set.of(ContactId.of(UUID.randomUUID())), Instant.now());

    assertRefusedOn(() -> stored(withCompany), "companyId");
    assertRefusedOn(() -> stored(withContact), "contactIds");
    assertRefusedOn(() -> stored(withUnknownContact), "contactIds");
    assertThat(read(a, withCompany.id())).isEmpty();
    assertThat(read(a, withContact.id())).isEmpty();
    assertThat(read(a, withUnknownContact.id())).isEmpty();

    Deal deal = stored(aDeal(a));
    Deal linkedToB = deal.changed(deal.title(), deal.amount(), deal.pipeline(), deal.stage(), deal.stageKind(),
        deal.expectedCloseDate(), Optional.empty(), Set.of(contactOfB.id()), Instant.now());
    assertRefusedOn(() -> in(a, () -> deals.update(linkedToB, deal.version(), Optional.empty())), "contactIds");
    assertThat(read(a, deal.id())).contains(deal);
  }

  private static void assertRefusedOn(Runnable write, String field) {
    assertThatThrownBy(write::run).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly(field));
  }

  @Test
  void givenMove_whenUpdated_thenTheHistoryRecordsIt_newestFirst_andAStaleMoveRecordsNothing() {
    Contact one = stored(a, () -> aContact(a), contacts::insert);
    Contact two = stored(a, () -> aContact(a), contacts::insert);
    Deal deal = stored(aDeal(a, "Move me", pipelineOfA.openStages().get(0), Optional.empty(), Set.of(one.id()),
        Instant.now()));
    Stage from = pipelineOfA.openStages().get(0);
    Stage won = pipelineOfA.wonStage();
    Deal moved = deal.changed(deal.title(), deal.amount(), deal.pipeline(), won.id(), won.kind(),
        deal.expectedCloseDate(), deal.company(), Set.of(two.id()), Instant.now().plusSeconds(1));
    StageChange move = new StageChange(a, UUID.randomUUID(), deal.id(), Optional.of(StageSnapshot.of(from)),
        StageSnapshot.of(won), moved.updatedAt(), Optional.empty());

    assertThat(in(a, () -> deals.update(moved, deal.version(), Optional.of(move)))).isTrue();
    StageChange staleMove = new StageChange(a, UUID.randomUUID(), deal.id(), Optional.of(StageSnapshot.of(from)),
        StageSnapshot.of(pipelineOfA.lostStage()), moved.updatedAt(), Optional.empty());
    Deal stale = deal.changed(deal.title(), deal.amount(), deal.pipeline(), pipelineOfA.lostStage().id(),
        pipelineOfA.lostStage().kind(), deal.expectedCloseDate(), deal.company(), Set.of(), Instant.now());
    assertThat(in(a, () -> deals.update(stale, deal.version(), Optional.of(staleMove)))).isFalse();

    assertThat(read(a, deal.id())).contains(moved);
    assertThat(read(a, deal.id()).orElseThrow().contacts()).containsExactly(two.id());
    List<StageChange> history = history(a, deal.id());
    assertThat(history).extracting(StageChange::id).first().isEqualTo(move.id());
    assertThat(history).hasSize(2);
    assertThat(history.get(0)).isEqualTo(move);
  }

  @Test
  void givenDeal_whenDeleted_thenItsHistoryGoesWithIt_andAStaleVersionDeletesNothing() {
    Deal deal = stored(aDeal(a));
    assertThat(in(a, () -> deals.delete(a, deal.id(), OptionalLong.of(deal.version() + 1)))).isFalse();
    assertThat(read(a, deal.id())).contains(deal);
    assertThat(in(a, () -> deals.delete(a, deal.id(), OptionalLong.of(deal.version())))).isTrue();
    assertThat(read(a, deal.id())).isEmpty();
    assertThat(history(a, deal.id())).isEmpty();
  }

  @Test
  void unlinkingACompanyClearsItOnItsDealsOnly_atTheirNextVersion() {
    Company company = stored(a, () -> aCompany(a), companies::insert);
    Deal linked = stored(aDeal(a, "Linked", pipelineOfA.openStages().get(0), Optional.of(company), Set.of(),
        Instant.now()));
    Deal other = stored(aDeal(a));

    assertThat(in(a, () -> deals.unlinkCompany(a, company.id()))).isEqualTo(1);
    assertThat(in(b, () -> deals.unlinkCompany(b, company.id()))).isZero();
    assertThat(read(a, linked.id())).contains(linked.unlinkedFromCompany());
    assertThat(read(a, other.id())).contains(other);
  }

  @Test
  void unlinkingAContactRemovesItsLinksOnly_theDealsStayAtTheirNextVersion() {
    Contact gone = stored(a, () -> aContact(a), contacts::insert);
    Contact stays = stored(a, () -> aContact(a), contacts::insert);
    List<Deal> linked = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      linked.add(stored(aDeal(a, "Linked " + i, pipelineOfA.openStages().get(0), Optional.empty(),
          Set.of(gone.id(), stays.id()), Instant.now())));
    }
    Deal other = stored(aDeal(a, "Other", pipelineOfA.openStages().get(0), Optional.empty(), Set.of(stays.id()),
        Instant.now()));

    assertThat(in(b, () -> deals.unlinkContact(b, gone.id()))).isZero();
    assertThat(in(a, () -> deals.unlinkContact(a, gone.id()))).isEqualTo(3);
    for (Deal deal : linked) {
      assertThat(read(a, deal.id())).contains(deal.withoutContact(gone.id()));
    }
    assertThat(read(a, other.id())).contains(other);
  }

  @Test
  void theSummaryAddsEachStagesAmountsPerCurrencyExactly_andCountsEveryDeal() {
    java.util.Random random = new java.util.Random(23);
    Stage lead = pipelineOfA.openStages().get(0);
    Stage proposal = pipelineOfA.openStages().get(1);
    Map<String, java.math.BigDecimal> sent = new java.util.HashMap<>();
    List<String> currencies = List.of("EUR", "JPY", "BHD");
    for (int i = 0; i < 60; i++) {
      String currency = currencies.get(i % 3);
      int scale = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
      java.math.BigDecimal amount = java.math.BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), scale);
      sent.merge(currency, amount, java.math.BigDecimal::add);
      stored(Deal.create(a, DealId.of(UUID.randomUUID()), new DealTitle("Sum " + i),
          Optional.of(Money.of(amount.toPlainString(), currency)), pipelineOfA.id(), StageSnapshot.of(proposal),
          Optional.empty(), Optional.empty(), Set.of(), Instant.now()));
    }
    stored(Deal.create(a, DealId.of(UUID.randomUUID()), new DealTitle("No amount"), Optional.empty(),
        pipelineOfA.id(), StageSnapshot.of(proposal), Optional.empty(), Optional.empty(), Set.of(), Instant.now()));
    stored(aDeal(b)); // another workspace's deal in its own pipeline

    PipelineSummary summary = PipelineSummary.of(pipelineOfA.id(), in(a, () -> deals.summary(a, pipelineOfA.id(), List.of())));

    assertThat(summary.stages()).extracting(PipelineSummary.StageSummary::stage)
        .containsExactlyElementsOf(pipelineOfA.stages().stream().map(Stage::id).toList());
    assertThat(summary.stages().get(0).stage()).isEqualTo(lead.id());
    assertThat(summary.stages().get(0).count()).isZero();
    assertThat(summary.stages().get(0).totals()).isEmpty();
    PipelineSummary.StageSummary inProposal = summary.stages().get(1);
    assertThat(inProposal.count()).isEqualTo(61);
    assertThat(inProposal.totals()).extracting(t -> t.currency().getCurrencyCode()).containsExactly("BHD", "EUR", "JPY");
    for (PipelineSummary.CurrencyTotal total : inProposal.totals()) {
      java.math.BigDecimal expected = sent.get(total.currency().getCurrencyCode());
      assertThat(total.sum()).isEqualTo(expected);
      assertThat(total.weighted()).isEqualTo(expected.multiply(java.math.BigDecimal.valueOf(proposal.probability().value()))
          .divide(java.math.BigDecimal.valueOf(100), expected.scale(), java.math.RoundingMode.HALF_EVEN));
    }
    assertThat(in(b, () -> deals.summary(b, pipelineOfA.id(), List.of()))).isEmpty();
    assertThat(in(a, () -> deals.summary(a, dev.custodian.crm.core.pipeline.PipelineId.of(UUID.randomUUID()), List.of()))).isEmpty();
  }

  @Test
  void movingAStagesDealsMovesThemAllAndRecordsEachMove_inItsWorkspaceOnly() {
    Stage lead = pipelineOfA.openStages().get(0);
    Stage won = pipelineOfA.wonStage();
    Deal one = stored(aDeal(a));
    Deal two = stored(aDeal(a));
    Deal ofB = stored(aDeal(b));
    AccountId actor = AccountId.of(UUID.randomUUID());
    Instant at = Instant.parse("2026-11-30T14:00:00.123456Z");

    assertThat(in(a, () -> deals.anyIn(a, lead.id()))).isTrue();
    assertThat(in(a, () -> deals.anyIn(a, won.id()))).isFalse();
    assertThat(in(b, () -> deals.anyIn(b, lead.id()))).isFalse();
    assertThat(in(a, () -> deals.moveAll(a, lead, won, at, actor))).isEqualTo(2);

    for (Deal deal : List.of(one, two)) {
      Deal moved = read(a, deal.id()).orElseThrow();
      assertThat(moved.stage()).isEqualTo(won.id());
      assertThat(moved.status()).isEqualTo(DealStatus.WON);
      assertThat(moved.closedAt()).contains(at);
      assertThat(moved.version()).isEqualTo(deal.version() + 1);
      List<StageChange> history = history(a, deal.id());
      assertThat(history).hasSize(2);
      assertThat(history.get(0).from()).contains(StageSnapshot.of(lead));
      assertThat(history.get(0).to()).isEqualTo(StageSnapshot.of(won));
      assertThat(history.get(0).actor()).contains(actor);
    }
    assertThat(read(b, ofB.id())).contains(ofB);
    assertThat(in(a, () -> deals.anyIn(a, lead.id()))).isFalse();
  }

  @Test
  void theListFiltersByStatusPipelineAndCurrency_andSortsByTitle() {
    Deal open = stored(aDeal(a, "beta", pipelineOfA.openStages().get(0), Optional.empty(), Set.of(), Instant.now()));
    Deal won = stored(aDeal(a, "Alpha", pipelineOfA.wonStage(), Optional.empty(), Set.of(), Instant.now()));
    Deal lost = stored(aDeal(a, "gamma", pipelineOfA.lostStage(), Optional.empty(), Set.of(), Instant.now()));

    assertThat(list(a, Map.of("status", List.of("won", "lost")))).containsExactlyInAnyOrder(won, lost);
    assertThat(list(a, Map.of("status", List.of("open")))).containsExactly(open);
    assertThat(list(a, Map.of("pipelineId", List.of(pipelineOfA.id().toString())))).hasSize(3);
    assertThat(list(a, Map.of("pipelineId", List.of(pipelineOfB.id().toString())))).isEmpty();
    assertThat(list(a, Map.of("currency", List.of("EUR")))).hasSize(3);
    assertThat(list(a, Map.of("currency", List.of("JPY")))).isEmpty();
    assertThat(list(a, Map.of("sort", List.of("title")))).containsExactly(won, open, lost);
    assertThat(list(a, Map.of("sort", List.of("-title")))).containsExactly(lost, open, won);
  }

  private List<Deal> list(WorkspaceId workspace, Map<String, List<String>> parameters) {
    return in(workspace, () -> deals.list(workspace, ListQuery.of(DealListing.OFFER, parameters)).items());
  }

  @Test
  void theListFiltersByLinkedContact_andByAmountWithinOneCurrency_andSortsByAmount() {
    Contact ada = stored(a, () -> aContact(a), contacts::insert);
    Contact bob = stored(a, () -> aContact(a), contacts::insert);
    Stage lead = pipelineOfA.openStages().get(0);
    Deal small = stored(withAmount(aDeal(a, "small", lead, Optional.empty(), Set.of(ada.id()), Instant.now()), "10.50", "EUR"));
    Deal large = stored(withAmount(aDeal(a, "large", lead, Optional.empty(), Set.of(ada.id(), bob.id()), Instant.now()),
        "900", "EUR"));
    Deal yen = stored(withAmount(aDeal(a, "yen", lead, Optional.empty(), Set.of(bob.id()), Instant.now()), "50", "JPY"));
    Deal none = stored(withoutAmount(aDeal(a, "none", lead, Optional.empty(), Set.of(), Instant.now())));

    assertThat(list(a, Map.of("contactId", List.of(ada.id().toString())))).containsExactlyInAnyOrder(small, large);
    assertThat(list(a, Map.of("contactId", List.of(ada.id().toString(), bob.id().toString()))))
        .containsExactlyInAnyOrder(small, large, yen);
    assertThat(list(a, Map.of("contactId.empty", List.of("true")))).containsExactly(none);
    assertThat(list(a, Map.of("contactId.empty", List.of("false")))).hasSize(3);
    assertThat(list(a, Map.of("contactId", List.of(UUID.randomUUID().toString())))).isEmpty();

    assertThat(list(a, Map.of("currency", List.of("EUR"), "amount.gte", List.of("10.5")))).containsExactlyInAnyOrder(small, large);
    assertThat(list(a, Map.of("currency", List.of("EUR"), "amount.gte", List.of("10.51")))).containsExactly(large);
    assertThat(list(a, Map.of("currency", List.of("EUR"), "amount.lte", List.of("10.50")))).containsExactly(small);
    assertThat(list(a, Map.of("currency", List.of("JPY"), "amount.lte", List.of("100")))).containsExactly(yen);
    assertThat(list(a, Map.of("currency", List.of("EUR"), "sort", List.of("amount")))).containsExactly(small, large);
    assertThat(list(a, Map.of("currency", List.of("EUR"), "sort", List.of("-amount")))).containsExactly(large, small);
    assertThat(in(b, () -> deals.list(b, ListQuery.of(DealListing.OFFER, Map.of("contactId", List.of(ada.id().toString()))))
        .items())).isEmpty();
  }

  @Test
  void theSummaryCountsAndAddsOnlyTheDealsThatPassTheFilters() {
    Contact ada = stored(a, () -> aContact(a), contacts::insert);
    Stage lead = pipelineOfA.openStages().get(0);
    stored(withAmount(aDeal(a, "one", lead, Optional.empty(), Set.of(ada.id()), Instant.now()), "10.50", "EUR"));
    stored(withAmount(aDeal(a, "two", lead, Optional.empty(), Set.of(), Instant.now()), "900", "EUR"));
    stored(withAmount(aDeal(a, "won", pipelineOfA.wonStage(), Optional.empty(), Set.of(ada.id()), Instant.now()), "7", "EUR"));

    List<dev.custodian.crm.core.common.paging.Filter> byAda = ListQuery.filtersOf(new dev.custodian.crm.core.common.validation.Validator(),
        DealListing.SUMMARY_OFFER, Map.of("contactId", List.of(ada.id().toString()), "status", List.of("open")));
    PipelineSummary summary = PipelineSummary.of(pipelineOfA.id(), in(a, () -> deals.summary(a, pipelineOfA.id(), byAda)));

    assertThat(summary.stages().get(0).count()).isEqualTo(1);
    assertThat(summary.stages().get(0).totals()).singleElement()
        .satisfies(t -> assertThat(t.sum()).isEqualByComparingTo("10.50"));
    assertThat(summary.stages()).filteredOn(s -> s.stage().equals(pipelineOfA.wonStage().id()))
        .singleElement().satisfies(s -> assertThat(s.count()).isZero());
    List<dev.custodian.crm.core.common.paging.Filter> large = ListQuery.filtersOf(new dev.custodian.crm.core.common.validation.Validator(),
        DealListing.SUMMARY_OFFER, Map.of("currency", List.of("EUR"), "amount.gte", List.of("100")));
    PipelineSummary onlyLarge = PipelineSummary.of(pipelineOfA.id(), in(a, () -> deals.summary(a, pipelineOfA.id(), large)));
    assertThat(onlyLarge.stages().get(0).count()).isEqualTo(1);
    assertThat(onlyLarge.stages().get(0).totals()).singleElement()
        .satisfies(t -> assertThat(t.sum()).isEqualByComparingTo("900"));
  }

  @Test
  void walkingEachSortBothWaysOver10000Deals_whileOthersAreInserted_returnsEachExistingOneOnceInOrder()
      throws Exception {
    WorkspaceId workspace = a;
    Stage lead = pipelineOfA.openStages().get(0);
    Map<String, java.util.function.Function<java.util.Random, Object>> values = Map.of(
        // empty dates sort last both ways; amounts are never negative, and come with a currency
        DealListing.EXPECTED_CLOSE_DATE, random -> random.nextInt(5) == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)),
        DealListing.AMOUNT, random -> java.math.BigDecimal.valueOf(random.nextInt(2000), 2));
    KeysetWalkCheck.walkEverySortBothWaysWhileOthersAreInserted(DealListing.OFFER,
        new KeysetWalkCheck.SortedStore<Deal>() {
          @Override
          public void insert(List<KeysetWalkCheck.Sample> samples) {
            run(workspace, () -> samples.forEach(sample -> {
              Deal deal = Deal.create(workspace, DealId.of(sample.id()), new DealTitle((String) sample.value(DealListing.TITLE)),
                  Optional.of(new Money((java.math.BigDecimal) sample.value(DealListing.AMOUNT), java.util.Currency.getInstance("EUR"))),
                  pipelineOfA.id(), StageSnapshot.of(lead), Optional.ofNullable((LocalDate) sample.value(DealListing.EXPECTED_CLOSE_DATE)),
                  Optional.empty(), Set.of(), (Instant) sample.value(DealListing.CREATED_AT));
              deals.insert(deal, created(deal, lead));
            }));
          }

          @Override
          public dev.custodian.crm.core.common.paging.Page<Deal> list(ListQuery query) {
            return in(workspace, () -> deals.list(workspace, query));
          }

          @Override
          public KeysetWalkCheck.Sample sampleOf(Deal deal) {
            Map<String, Object> sampled = new java.util.HashMap<>();
            sampled.put(DealListing.CREATED_AT, deal.createdAt());
            sampled.put(DealListing.TITLE, deal.title().value());
            sampled.put(DealListing.EXPECTED_CLOSE_DATE, deal.expectedCloseDate().orElse(null));
            sampled.put(DealListing.AMOUNT, deal.amount().orElseThrow().amount());
            return new KeysetWalkCheck.Sample(deal.id().value(), sampled);
          }
        }, values, sort -> sort.field().equals(DealListing.AMOUNT)
            ? List.of(dev.custodian.crm.core.common.paging.Filter.anyOf(DealListing.CURRENCY,
                dev.custodian.crm.core.common.paging.ValueType.TEXT, List.of("EUR")))
            : List.of());
  }

  private Deal withAmount(Deal deal, String amount, String currency) {
    return Deal.create(deal.workspace(), deal.id(), deal.title(), Optional.of(Money.of(amount, currency)), deal.pipeline(),
        StageSnapshot.of(pipelineOf(deal.workspace()).stage(deal.stage()).orElseThrow()), deal.expectedCloseDate(), deal.company(), deal.contacts(), deal.createdAt());
  }

  private Deal withoutAmount(Deal deal) {
    return Deal.create(deal.workspace(), deal.id(), deal.title(), Optional.empty(), deal.pipeline(),
        StageSnapshot.of(pipelineOf(deal.workspace()).stage(deal.stage()).orElseThrow()), deal.expectedCloseDate(), deal.company(), deal.contacts(), deal.createdAt());
  }

  @Test
  void aPipelineAndAStageThatDealsStandIn_areKeptByThem_asInUse() {
    Stage lead = pipelineOfA.openStages().get(0);
    stored(aDeal(a));

    assertThatThrownBy(() -> run(a, () -> pipelines.delete(a, pipelineOfA.id(), pipelineOfA.version())))
        .isInstanceOfSatisfying(dev.custodian.crm.core.common.error.ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(dev.custodian.crm.core.common.error.ConflictException.Kind.IN_USE));
    assertThatThrownBy(() -> run(a, () -> pipelines.update(pipelineOfA.withoutStage(lead.id(), Instant.now()),
        pipelineOfA.version())))
        .isInstanceOfSatisfying(dev.custodian.crm.core.common.error.ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(dev.custodian.crm.core.common.error.ConflictException.Kind.IN_USE));
    assertThat(in(a, () -> pipelines.findById(a, pipelineOfA.id()))).contains(pipelineOfA);
  }
}
