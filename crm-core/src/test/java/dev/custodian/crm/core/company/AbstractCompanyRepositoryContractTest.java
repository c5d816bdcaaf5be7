package dev.custodian.crm.core.company;

import static dev.custodian.crm.core.company.CompanyFixtures.aCompany;
import static dev.custodian.crm.core.company.CompanyFixtures.aCompanyWithoutDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldFixtures;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CompanyRepository}: workspace scoping by the workspace argument, a domain
 * unique per workspace (also between two transactions at once), optimistic locking and the paging
 * order. The in-memory fake and the jOOQ adapter both extend it; the jOOQ adapter also runs it
 * through a role that bypasses row-level security, so every case here must hold by the queries alone.
 */
public abstract class AbstractCompanyRepositoryContractTest extends AbstractPortContractTest {

  protected CompanyRepository companies;
  protected CustomFieldRepository customFields;
  protected CustomValueRepository customValues;

  /** The repository under test, sharing the fixture's transactions. */
  protected abstract CompanyRepository companies();

  /** The custom field definitions' store, sharing the fixture's transactions. */
  protected abstract CustomFieldRepository customFields();

  /** The custom values' store, from which {@link #companies} reads a company's values. */
  protected abstract CustomValueRepository customValues();

  @Override
  protected void portsReady() {
    companies = companies();
    customFields = customFields();
    customValues = customValues();
  }

  @Test
  @DisplayName("TEN-01: a company is read with its custom values, by id and in a list, and only its workspace's")
  void givenCustomValues_whenRead_thenTheyComeWithTheCompany_byIdAndInALists_andOnlyInItsWorkspace() {
    Company company = stored(aCompany(a));
    Company other = stored(aCompany(a));
    Company ofB = stored(aCompany(b));
    CustomField tier = CustomFieldFixtures.aField(a, ObjectType.COMPANY, "tier", CustomFieldType.MULTI_SELECT);
    CustomField email = CustomFieldFixtures.aField(a, ObjectType.COMPANY, "billing_email", CustomFieldType.EMAIL);
    run(a, () -> {
      customFields.insert(tier);
      customFields.insert(email);
      customValues.write(a, new RecordRef(ObjectType.COMPANY, company.id().value()),
          CustomFieldFixtures.setting(tier, List.of("silver", "gold")));
      customValues.write(a, new RecordRef(ObjectType.COMPANY, company.id().value()),
          CustomFieldFixtures.setting(email, "billing@example.org"));
    });

    Company read = read(a, company.id()).orElseThrow();
    assertThat(read.custom().values()).containsOnlyKeys(new FieldKey("tier"), new FieldKey("billing_email"));
    assertThat(read.custom().get(new FieldKey("tier")).orElseThrow().options())
        .containsExactlyInAnyOrderElementsOf(tier.options().stream().map(o -> o.id()).toList());
    assertThat(read.custom().optionKey(tier.options().get(0).id())).contains(new FieldKey("gold"));
    assertThat(read(a, other.id()).orElseThrow().custom().values()).isEmpty();
    Page<Company> page = tx.inWorkspace(a, () -> companies.list(a, ListQuery.first(CompanyListing.OFFER, 50)));
    assertThat(page.items()).filteredOn(c -> c.id().equals(company.id())).singleElement()
        .satisfies(c -> assertThat(c.custom()).isEqualTo(read.custom()));
    assertThat(page.items()).filteredOn(c -> c.id().equals(other.id())).singleElement()
        .satisfies(c -> assertThat(c.custom().values()).isEmpty());
    assertThat(read(b, company.id())).as("A's company through B").isEmpty();
    assertThat(read(b, ofB.id()).orElseThrow().custom().values()).isEmpty();
    assertThat(tx.inWorkspace(b, () -> companies.list(b, ListQuery.first(CompanyListing.OFFER, 50))).items())
        .allSatisfy(c -> assertThat(c.custom().values()).isEmpty());
  }

  private Company stored(Company company) {
    tx.inWorkspace(company.workspace(), () -> { companies.insert(company); return null; });
    return company;
  }

  private Optional<Company> read(WorkspaceId workspace, CompanyId id) {
    return tx.inWorkspace(workspace, () -> companies.findById(workspace, id));
  }

  private static Company withDomain(WorkspaceId workspace, String domain) {
    return Company.create(workspace, CompanyId.of(UUID.randomUUID()), new CompanyName("Same Domain"),
        Optional.of(new CompanyDomain(domain)), Instant.now());
  }

  @Test
  void givenStoredCompany_whenRead_thenEverythingRoundTripsAtMicrosecondPrecision() {
    Company company = stored(aCompany(a));
    Company withoutDomain = stored(aCompanyWithoutDomain(a));

    assertThat(read(a, company.id())).contains(company);
    assertThat(read(a, company.id()).orElseThrow().createdAt().getNano() % 1000).isZero();
    assertThat(read(a, withoutDomain.id())).contains(withoutDomain);
    assertThat(read(a, withoutDomain.id()).orElseThrow().domain()).isEmpty();
    assertThat(read(a, CompanyId.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, changes or deletes workspace A's company")
  void callsForAnotherWorkspaceNeverReachTheCompany() {
    Company company = stored(aCompany(a));
    Company changedAsIfInB = Company.reconstitute(b, company.id(), new CompanyName("Mallory Inc"),
        company.domain(), company.createdAt(), Instant.now(), 2);

    tx.inWorkspace(b, () -> {
      assertThat(companies.findById(b, company.id())).isEmpty();
      assertThat(companies.findByIdForUpdate(b, company.id())).isEmpty();
      assertThat(companies.list(b, ListQuery.first(CompanyListing.OFFER, 200)).items()).isEmpty();
      assertThat(companies.update(changedAsIfInB, company.version())).isFalse();
      assertThat(companies.delete(b, company.id(), OptionalLong.empty())).isFalse();
      assertThat(companies.delete(b, company.id(), OptionalLong.of(company.version()))).isFalse();
      return null;
    });
    assertThat(read(a, company.id())).contains(company);
  }

  @Test
  @DisplayName("TEN-01: inside a transaction of workspace A, a call naming workspace B neither reads nor writes B's companies")
  void callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt() {
    Company ofB = stored(aCompany(b));
    Company changedOfB = ofB.changed(new CompanyName("Mallory Inc"), ofB.domain(), Instant.now());
    Company newOfB = aCompany(b);

    run(a, () -> {
      assertRefusedOr(() -> companies.findById(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> companies.findByIdForUpdate(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> companies.list(b, ListQuery.first(CompanyListing.OFFER, 200)), page -> assertThat(page.items()).isEmpty());
      assertRefusedOr(() -> companies.update(changedOfB, ofB.version()), updated -> assertThat(updated).isFalse());
      assertRefusedOr(() -> companies.delete(b, ofB.id(), OptionalLong.empty()), deleted -> assertThat(deleted).isFalse());
      assertRefusedOr(() -> {
        companies.insert(newOfB);
        return true;
      }, inserted -> assertThat(inserted).as("an insert for B inside A's transaction").isFalse());
    });
    assertThat(read(b, ofB.id())).contains(ofB);
    assertThat(read(b, newOfB.id())).isEmpty();
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> companies.findById(a, CompanyId.of(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> companies.insert(aCompany(a))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenDomainTakenInWorkspace_whenInsertedAgain_thenDuplicate_butAnotherWorkspaceMayUseIt() {
    Company first = stored(aCompany(a));
    String domain = first.domain().orElseThrow().value();
    Company sameDomainAsUrl = withDomain(a, "https://WWW." + domain.toUpperCase(Locale.ROOT) + "/about");

    assertThatThrownBy(() -> stored(sameDomainAsUrl))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE);
          assertThat(e.getMessage()).doesNotContain(domain);
        });
    assertThat(read(a, sameDomainAsUrl.id())).isEmpty();

    Company inB = stored(withDomain(b, domain));
    assertThat(read(b, inB.id())).contains(inB);
  }

  @Test
  void companiesWithoutADomainNeverClash() {
    Company one = stored(aCompanyWithoutDomain(a));
    Company two = stored(aCompanyWithoutDomain(a));
    assertThat(read(a, one.id())).contains(one);
    assertThat(read(a, two.id())).contains(two);
  }

  @Test
  void givenDomainTaken_whenUpdatedToIt_thenDuplicateAndNothingChanges() {
    Company first = stored(aCompany(a));
    Company second = stored(aCompanyWithoutDomain(a));
    Company clash = second.changed(second.name(), first.domain(), Instant.now());

    assertThatThrownBy(() -> tx.inWorkspace(a, () -> companies.update(clash, second.version())))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(read(a, second.id())).contains(second);
  }

  @Test
  void givenTwoTransactionsInsertingOneDomain_thenExactlyOneCompanyIsStored() throws Exception {
    String domain = CompanyFixtures.uniqueDomain();
    Company first = withDomain(a, domain);
    Company second = withDomain(a, "http://www." + domain);
    CountDownLatch firstInserted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> one = pool.submit(() -> tx.inWorkspace(a, () -> {
        companies.insert(first);
        firstInserted.countDown();
        sleep(200); // the second insert starts while this one is uncommitted
        return null;
      }));
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> other = pool.submit(() -> stored(second));

      one.get(20, TimeUnit.SECONDS);
      assertThatThrownBy(() -> other.get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ConflictException.class);
      assertThat(read(a, first.id())).contains(first);
      assertThat(read(a, second.id())).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenCurrentVersion_whenUpdated_thenStored_andAStaleUpdateChangesNothing() {
    Company original = stored(aCompany(a));
    Company first = original.changed(new CompanyName("First"), Optional.empty(), Instant.now());
    Company basedOnStaleRead = original.changed(new CompanyName("Second"), original.domain(), Instant.now());

    assertThat(tx.inWorkspace(a, () -> companies.update(first, original.version()))).isTrue();
    assertThat(tx.inWorkspace(a, () -> companies.update(basedOnStaleRead, original.version()))).isFalse();

    assertThat(read(a, original.id())).contains(first);
    assertThat(read(a, original.id()).orElseThrow().domain()).isEmpty();
    assertThat(tx.inWorkspace(a, () -> companies.delete(a, original.id(), OptionalLong.of(original.version())))).isFalse();
    assertThat(tx.inWorkspace(a, () -> companies.delete(a, original.id(), OptionalLong.of(first.version())))).isTrue();
    assertThat(read(a, original.id())).isEmpty();
    assertThat(tx.inWorkspace(a, () -> companies.delete(a, original.id(), OptionalLong.empty()))).isFalse();
  }

  @Test
  void givenTwoInterleavedUpdatesFromTheSameVersion_thenOnlyOneChangesTheCompany() throws Exception {
    Company original = stored(aCompany(a));
    Company winner = original.changed(new CompanyName("Winner"), original.domain(), Instant.now());
    Company loser = original.changed(new CompanyName("Loser"), original.domain(), Instant.now());
    CountDownLatch winnerWrote = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = pool.submit(() -> tx.inWorkspace(a, () -> {
        boolean updated = companies.update(winner, original.version());
        winnerWrote.countDown();
        sleep(300); // still uncommitted while the other update runs
        return updated;
      }));
      assertThat(winnerWrote.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second = pool.submit(() -> tx.inWorkspace(a, () -> companies.update(loser, original.version())));

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, original.id())).contains(winner);
  }

  @Test
  void givenCompanyReadForUpdate_whenAnotherTransactionUpdatesIt_thenThatWaitsUntilCommit() throws Exception {
    Company original = stored(aCompany(a));
    Company other = original.changed(new CompanyName("Other"), original.domain(), Instant.now());
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> otherWasDoneBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        assertThat(companies.findByIdForUpdate(a, original.id())).contains(original);
        locked.countDown();
        boolean done = awaitAtMost(otherDone, 1); // a lost lock lets the other update through at once
        companies.delete(a, original.id(), OptionalLong.empty());
        return done;
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> otherUpdate = pool.submit(() -> {
        try {
          return tx.inWorkspace(a, () -> companies.update(other, original.version()));
        } finally {
          otherDone.countDown();
        }
      });

      assertThat(otherWasDoneBeforeCommit.get(20, TimeUnit.SECONDS))
          .as("the other update finished while the row was locked").isFalse();
      assertThat(otherUpdate.get(20, TimeUnit.SECONDS))
          .as("the other update, once let through, finds the row gone").isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, original.id())).isEmpty();
  }

  @Test
  void pagesFollowCreatedTimeThenIdInUnsignedUuidOrder() {
    Instant tie = Instant.parse("2026-01-01T00:00:00.000001Z");
    List<Company> all = new ArrayList<>();
    // Ids whose high bit is set sort after the others in PostgreSQL, before them with UUID.compareTo.
    for (String id : List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003", "7fffffff-0000-4000-8000-000000000004",
        "00000000-0000-4000-8000-000000000001")) {
      all.add(aCompany(a, tie, UUID.fromString(id)));
    }
    all.add(aCompany(a, tie.minus(1, ChronoUnit.MICROS), UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff")));
    all.add(aCompany(a, tie.plus(1, ChronoUnit.MICROS), UUID.fromString("00000000-0000-4000-8000-000000000000")));
    tx.inWorkspace(a, () -> { all.forEach(companies::insert); return null; });
    stored(aCompany(b, tie, UUID.randomUUID())); // another workspace's company never shows

    List<Company> walked = walk(a, 2);

    List<Company> expected = new ArrayList<>(all);
    expected.sort(Comparator.comparing(Company::createdAt).thenComparing(c -> c.id().value(), UuidOrder.UNSIGNED));
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(walked.get(1).id().value()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    assertThat(walked.get(5).id().value()).isEqualTo(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
  }

  @Test
  void givenExactlyOneFullPage_thenNoNextCursor() {
    tx.inWorkspace(a, () -> { companies.insert(aCompany(a)); companies.insert(aCompany(a)); return null; });
    Page<Company> page = tx.inWorkspace(a, () -> companies.list(a, ListQuery.first(CompanyListing.OFFER, 2)));
    assertThat(page.items()).hasSize(2);
    assertThat(page.next()).isEmpty();
  }

  @Test
  void searchFindsACompanyByNameOrDomain_ignoringCase_combinedWithSortsAndFilters() {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    Company globex = Company.create(a, CompanyId.of(UUID.randomUUID()), new CompanyName("Globex Corporation"),
        Optional.of(new CompanyDomain("globex.example")), t0);
    Company initech = Company.create(a, CompanyId.of(UUID.randomUUID()), new CompanyName("Initech"),
        Optional.of(new CompanyDomain("initech-corp.example")), t0.plusSeconds(1));
    Company hooli = Company.create(a, CompanyId.of(UUID.randomUUID()), new CompanyName("Hooli"), Optional.empty(),
        t0.plusSeconds(2));
    tx.inWorkspace(a, () -> { companies.insert(globex); companies.insert(initech); companies.insert(hooli); return null; });
    stored(Company.create(b, CompanyId.of(UUID.randomUUID()), new CompanyName("Globex Corporation"),
        Optional.of(new CompanyDomain("globex.example")), t0));

    assertThat(search(a, "q", "CORP", "limit", "1")).as("a name and a domain").containsExactly(globex, initech);
    assertThat(search(a, "q", "corp", "sort", "-name")).containsExactly(initech, globex);
    assertThat(search(a, "q", "corp", "domain", "initech-corp.example")).containsExactly(initech);
    assertThat(search(a, "q", "ooli")).containsExactly(hooli);
    assertThat(search(a, "q", "x.ex")).as("a domain only").containsExactly(globex);
    assertThat(search(a, "q", "nothing")).isEmpty();
  }

  private List<Company> search(WorkspaceId workspace, String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return KeysetWalkCheck.walk(query -> tx.inWorkspace(workspace, () -> companies.list(workspace, query)),
        ListQuery.of(CompanyListing.OFFER, parameters));
  }

  /** Walks every page of a workspace's companies with the given page size, oldest first. */
  protected List<Company> walk(WorkspaceId workspace, int limit) {
    return KeysetWalkCheck.walk(query -> tx.inWorkspace(workspace, () -> companies.list(workspace, query)),
        ListQuery.first(CompanyListing.OFFER, limit));
  }

  @Test
  void walkingEachSortBothWaysOver10000Companies_whileOthersAreInserted_returnsEachExistingOneOnceInOrder()
      throws Exception {
    WorkspaceId workspace = a;
    KeysetWalkCheck.walkEverySortBothWaysWhileOthersAreInserted(CompanyListing.OFFER,
        new KeysetWalkCheck.SortedStore<Company>() {
          @Override
          public void insert(List<KeysetWalkCheck.Sample> samples) {
            run(workspace, () -> samples.forEach(sample -> companies.insert(Company.create(workspace,
                CompanyId.of(sample.id()), new CompanyName((String) sample.value(CompanyListing.NAME)),
                Optional.empty(), (Instant) sample.value(CompanyListing.CREATED_AT)))));
          }

          @Override
          public Page<Company> list(ListQuery query) {
            return in(workspace, () -> companies.list(workspace, query));
          }

          @Override
          public KeysetWalkCheck.Sample sampleOf(Company company) {
            return new KeysetWalkCheck.Sample(company.id().value(), Map.of(
                CompanyListing.CREATED_AT, company.createdAt(), CompanyListing.NAME, company.name().value()));
          }
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
