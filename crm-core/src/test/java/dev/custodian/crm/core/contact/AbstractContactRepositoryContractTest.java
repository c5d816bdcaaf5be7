package dev.custodian.crm.core.contact;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.UuidOrder;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyFixtures;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Contract of {@link ContactRepository}: workspace scoping by the workspace argument, unique email per
 * workspace, a company of the contact's own workspace, unlinking a company, optimistic locking and
 * the paging order. The in-memory fake and the jOOQ adapter both
 * extend it; the jOOQ adapter also runs it through a role that bypasses row-level security, so
 * every case here must hold by the queries alone.
 */
public abstract class AbstractContactRepositoryContractTest extends AbstractPortContractTest {

  protected ContactRepository contacts;
  protected CompanyRepository companies;

  /** The companies that contacts refer to, sharing the fixture's transactions; called first. */
  protected abstract CompanyRepository companies();

  /** The repository under test, sharing the fixture's transactions. */
  protected abstract ContactRepository contacts();

  @Override
  protected void portsReady() {
    companies = companies();
    contacts = contacts();
  }

  private Company storedCompany(WorkspaceId workspace) {
    Company company = CompanyFixtures.aCompany(workspace);
    tx.inWorkspace(workspace, () -> { companies.insert(company); return null; });
    return company;
  }

  private static Contact workingFor(Contact contact, Company company) {
    return Contact.reconstitute(contact.workspace(), contact.id(), contact.firstName(), contact.lastName(),
        contact.email(), contact.phone(), contact.jobTitle(), Optional.of(company.id()), contact.createdAt(),
        contact.updatedAt(), contact.version());
  }

  private static Contact movedTo(Contact contact, Optional<CompanyId> company) {
    return contact.changed(contact.firstName(), contact.lastName(), contact.email(), contact.phone(),
        contact.jobTitle(), company, Instant.now());
  }

  private Contact stored(Contact contact) {
    tx.inWorkspace(contact.workspace(), () -> { contacts.insert(contact); return null; });
    return contact;
  }

  private Optional<Contact> read(WorkspaceId workspace, ContactId id) {
    return tx.inWorkspace(workspace, () -> contacts.findById(workspace, id));
  }

  @Test
  void givenStoredContact_whenRead_thenEverythingRoundTripsAtMicrosecondPrecision() {
    Contact contact = stored(aContact(a));
    Contact withoutPhone = stored(Contact.create(a, ContactId.of(UUID.randomUUID()),
        new PersonName("Grace"), new PersonName("Hopper"),
        new EmailAddress("grace." + UUID.randomUUID() + "@example.org"), Optional.empty(), Optional.empty(),
        Optional.empty(), Instant.now()));

    assertThat(read(a, contact.id())).contains(contact);
    assertThat(read(a, contact.id()).orElseThrow().createdAt().getNano() % 1000).isZero();
    assertThat(read(a, withoutPhone.id())).contains(withoutPhone);
    assertThat(read(a, ContactId.of(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void givenManyContacts_whenInsertedAtOnce_thenEachIsStoredOrNoneWhenAnEmailIsTaken() {
    Contact taken = stored(aContact(a));
    List<Contact> many = List.of(aContact(a), aContact(a), aContact(a));
    tx.inWorkspace(a, () -> {
      contacts.insertAll(many);
      return null;
    });
    many.forEach(c -> assertThat(read(a, c.id())).contains(c));

    Contact fresh = aContact(a);
    Contact duplicate = Contact.create(a, ContactId.of(UUID.randomUUID()), new PersonName("Other"),
        new PersonName("Person"), new EmailAddress(taken.email().value().toUpperCase()), Optional.empty(),
        Optional.empty(), Optional.empty(), Instant.now());
    assertThatThrownBy(() -> tx.inWorkspace(a, () -> {
      contacts.insertAll(List.of(fresh, duplicate));
      return null;
    })).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(read(a, fresh.id())).as("the transaction failed whole").isEmpty();
  }

  @Test
  @DisplayName("TEN-01: a call made for workspace B never returns, changes or deletes workspace A's contact")
  void callsForAnotherWorkspaceNeverReachTheContact() {
    Contact contact = stored(aContact(a));
    Contact changedAsIfInB = Contact.reconstitute(b, contact.id(), new PersonName("Mallory"),
        contact.lastName(), contact.email(), contact.phone(), contact.jobTitle(), contact.company(),
        contact.createdAt(), Instant.now(), 2);

    tx.inWorkspace(b, () -> {
      assertThat(contacts.findById(b, contact.id())).isEmpty();
      assertThat(contacts.list(b, ListQuery.first(ContactListing.OFFER, 200)).items()).isEmpty();
      assertThat(contacts.update(changedAsIfInB, contact.version())).isFalse();
      assertThat(contacts.delete(b, contact.id(), OptionalLong.empty())).isFalse();
      assertThat(contacts.delete(b, contact.id(), OptionalLong.of(contact.version()))).isFalse();
      return null;
    });
    assertThat(read(a, contact.id())).contains(contact);
  }

  @Test
  @DisplayName("TEN-01: unlinking a company for workspace B never touches workspace A's contacts of it")
  void unlinkingForAnotherWorkspaceNeverReachesTheContacts() {
    Company company = storedCompany(a);
    Contact linked = stored(workingFor(aContact(a), company));

    assertThat(tx.inWorkspace(b, () -> contacts.unlinkCompany(b, company.id()))).isZero();
    assertThat(read(a, linked.id())).contains(linked);
  }

  @Test
  @DisplayName("TEN-01: inside a transaction of workspace A, a call naming workspace B neither reads nor writes B's contacts")
  void callsNamingAnotherWorkspaceThanTheTransactionsNeverReachIt() {
    Company companyOfB = storedCompany(b);
    Contact ofB = stored(workingFor(aContact(b), companyOfB));
    Contact changedOfB = ofB.changed(new PersonName("Mallory"), ofB.lastName(), ofB.email(), ofB.phone(),
        ofB.jobTitle(), ofB.company(), Instant.now());
    Contact newOfB = aContact(b);

    run(a, () -> {
      assertRefusedOr(() -> contacts.findById(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> contacts.findByIdForUpdate(b, ofB.id()), found -> assertThat(found).isEmpty());
      assertRefusedOr(() -> contacts.list(b, ListQuery.first(ContactListing.OFFER, 200)), page -> assertThat(page.items()).isEmpty());
      assertRefusedOr(() -> contacts.update(changedOfB, ofB.version()), updated -> assertThat(updated).isFalse());
      assertRefusedOr(() -> contacts.delete(b, ofB.id(), OptionalLong.empty()), deleted -> assertThat(deleted).isFalse());
      assertRefusedOr(() -> contacts.unlinkCompany(b, companyOfB.id()), unlinked -> assertThat(unlinked).isZero());
      assertRefusedOr(() -> {
        contacts.insert(newOfB);
        return true;
      }, inserted -> assertThat(inserted).as("an insert for B inside A's transaction").isFalse());
    });
    assertThat(read(b, ofB.id())).contains(ofB);
    assertThat(read(b, newOfB.id())).isEmpty();
  }

  @Test
  void givenJobTitleAndCompany_whenStoredAndChanged_thenTheyRoundTrip() {
    Company company = storedCompany(a);
    Company other = storedCompany(a);
    Contact contact = stored(workingFor(aContact(a), company));
    assertThat(read(a, contact.id())).contains(contact);
    assertThat(read(a, contact.id()).orElseThrow().jobTitle()).map(JobTitle::value).contains("Analyst");
    assertThat(read(a, contact.id()).orElseThrow().company()).contains(company.id());

    Contact moved = movedTo(contact, Optional.of(other.id()));
    assertThat(tx.inWorkspace(a, () -> contacts.update(moved, contact.version()))).isTrue();
    assertThat(read(a, contact.id())).contains(moved);
    Contact cleared = moved.changed(moved.firstName(), moved.lastName(), moved.email(), moved.phone(),
        Optional.empty(), Optional.empty(), Instant.now());
    assertThat(tx.inWorkspace(a, () -> contacts.update(cleared, moved.version()))).isTrue();
    assertThat(read(a, contact.id())).contains(cleared);
  }

  @Test
  @DisplayName("TEN-01: a contact naming another workspace's company, or none at all, is refused naming companyId, alike")
  void givenCompanyNotOfTheWorkspace_whenWritten_thenRefusedNamingCompanyIdAndNothingStored() {
    Company ofB = storedCompany(b);
    CompanyId none = CompanyId.of(UUID.randomUUID());
    List<String> answers = new ArrayList<>();
    for (CompanyId company : List.of(ofB.id(), none)) {
      Contact contact = aContact(a);
      Contact naming = movedTo(contact, Optional.of(company));
      Contact newNaming = Contact.reconstitute(a, contact.id(), contact.firstName(), contact.lastName(),
          contact.email(), contact.phone(), contact.jobTitle(), Optional.of(company), contact.createdAt(),
          contact.updatedAt(), 1);
      assertThatThrownBy(() -> stored(newNaming)).isInstanceOfSatisfying(ValidationException.class, e -> {
        assertThat(e.errors()).extracting(FieldError::name).containsExactly("companyId");
        answers.add(e.getMessage());
      });
      assertThat(read(a, contact.id())).isEmpty();

      stored(contact);
      assertThatThrownBy(() -> tx.inWorkspace(a, () -> contacts.update(naming, contact.version())))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.errors()).extracting(FieldError::name).containsExactly("companyId");
            answers.add(e.getMessage());
          });
      assertThat(read(a, contact.id())).contains(contact);
    }
    assertThat(answers).hasSize(4).containsOnly(answers.get(0));
  }

  @Test
  void unlinkCompany_clearsOnlyThatCompanysLinksInTheWorkspace_atTheNextVersion() {
    Company company = storedCompany(a);
    Company other = storedCompany(a);
    Company sameIdElsewhere = Company.create(b, company.id(), company.name(), Optional.empty(), Instant.now());
    tx.inWorkspace(b, () -> { companies.insert(sameIdElsewhere); return null; });
    Contact first = stored(workingFor(aContact(a), company));
    Contact second = stored(workingFor(aContact(a), company));
    Contact atOther = stored(workingFor(aContact(a), other));
    Contact unlinked = stored(aContact(a));
    Contact inB = stored(workingFor(aContact(b), sameIdElsewhere));

    assertThat(tx.inWorkspace(a, () -> contacts.unlinkCompany(a, company.id()))).isEqualTo(2);

    for (Contact was : List.of(first, second)) {
      Contact now = read(a, was.id()).orElseThrow();
      assertThat(now.company()).isEmpty();
      assertThat(now.version()).isEqualTo(was.version() + 1);
      assertThat(now).isEqualTo(was.unlinkedFromCompany());
      assertThat(now.updatedAt()).isEqualTo(was.updatedAt());
    }
    assertThat(read(a, atOther.id())).contains(atOther);
    assertThat(read(a, unlinked.id())).contains(unlinked);
    assertThat(read(b, inB.id())).contains(inB);
    assertThat(tx.inWorkspace(a, () -> contacts.unlinkCompany(a, company.id()))).isZero();
  }

  @Test
  void givenCompanyLockedForItsDelete_whenAContactNamesIt_thenTheContactWaits_andIsRefusedOnceItIsGone()
      throws Exception {
    Company company = storedCompany(a);
    Contact newcomer = workingFor(aContact(a), company);
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch insertDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> insertWasDoneBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        assertThat(companies.findByIdForUpdate(a, company.id())).contains(company);
        locked.countDown();
        boolean done = awaitAtMost(insertDone, 1); // a lock that does not hold lets the insert through at once
        contacts.unlinkCompany(a, company.id());
        assertThat(companies.delete(a, company.id(), OptionalLong.empty())).isTrue();
        return done;
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<?> insert = pool.submit(() -> {
        try {
          return stored(newcomer);
        } finally {
          insertDone.countDown();
        }
      });

      assertThat(insertWasDoneBeforeCommit.get(20, TimeUnit.SECONDS))
          .as("the insert finished while the company was locked").isFalse();
      assertThatThrownBy(() -> insert.get(20, TimeUnit.SECONDS)).cause()
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
              .extracting(FieldError::name).containsExactly("companyId"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, newcomer.id())).isEmpty();
  }

  @Test
  void givenAContactNamingACompanyUncommitted_whenTheCompanyIsLockedForItsDelete_thenTheUnlinkFindsIt()
      throws Exception {
    Company company = storedCompany(a);
    Contact newcomer = workingFor(aContact(a), company);
    CountDownLatch inserted = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> insert = pool.submit(() -> tx.inWorkspace(a, () -> {
        contacts.insert(newcomer);
        inserted.countDown();
        sleep(300); // still uncommitted while the delete locks the company
        return null;
      }));
      assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> unlinked = pool.submit(() -> tx.inWorkspace(a, () -> {
        assertThat(companies.findByIdForUpdate(a, company.id())).contains(company);
        int n = contacts.unlinkCompany(a, company.id());
        assertThat(companies.delete(a, company.id(), OptionalLong.empty())).isTrue();
        return n;
      }));

      insert.get(20, TimeUnit.SECONDS);
      assertThat(unlinked.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, newcomer.id())).contains(newcomer.unlinkedFromCompany());
  }

  @Test
  void givenNoOpenTransaction_whenCalled_thenFailsLoudly() {
    assertThatThrownBy(() -> contacts.findById(a, ContactId.of(UUID.randomUUID())))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> contacts.insert(aContact(a))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenEmailTakenInWorkspace_whenInsertedInAnyCase_thenDuplicate_butAnotherWorkspaceMayUseIt() {
    Contact first = stored(aContact(a));
    Contact sameEmailUpperCase = Contact.create(a, ContactId.of(UUID.randomUUID()), first.firstName(),
        first.lastName(), new EmailAddress("  " + first.email().value().toUpperCase(java.util.Locale.ROOT) + " "),
        Optional.empty(), Optional.empty(), Optional.empty(), Instant.now());

    assertThatThrownBy(() -> stored(sameEmailUpperCase))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(read(a, sameEmailUpperCase.id())).isEmpty();

    Contact inB = Contact.create(b, ContactId.of(UUID.randomUUID()), first.firstName(), first.lastName(),
        first.email(), Optional.empty(), Optional.empty(), Optional.empty(), Instant.now());
    stored(inB);
    assertThat(read(b, inB.id())).contains(inB);
  }

  @Test
  void givenEmailTaken_whenUpdatedToIt_thenDuplicateAndNothingChanges() {
    Contact first = stored(aContact(a));
    Contact second = stored(aContact(a));
    Contact clash = second.changed(second.firstName(), second.lastName(), first.email(), second.phone(),
        second.jobTitle(), second.company(), Instant.now());

    assertThatThrownBy(() -> tx.inWorkspace(a, () -> contacts.update(clash, second.version())))
        .isInstanceOf(ConflictException.class);
    assertThat(read(a, second.id())).contains(second);
  }

  @Test
  void givenCurrentVersion_whenUpdated_thenStored_andAStaleUpdateChangesNothing() {
    Contact original = stored(aContact(a));
    Contact first = original.changed(new PersonName("First"), original.lastName(), original.email(),
        Optional.empty(), original.jobTitle(), original.company(), Instant.now());
    Contact basedOnStaleRead = original.changed(new PersonName("Second"), original.lastName(),
        original.email(), original.phone(), original.jobTitle(), original.company(), Instant.now());

    assertThat(tx.inWorkspace(a, () -> contacts.update(first, original.version()))).isTrue();
    assertThat(tx.inWorkspace(a, () -> contacts.update(basedOnStaleRead, original.version()))).isFalse();

    assertThat(read(a, original.id())).contains(first);
    assertThat(read(a, original.id()).orElseThrow().phone()).isEmpty();
    assertThat(tx.inWorkspace(a, () -> contacts.delete(a, original.id(), OptionalLong.of(original.version())))).isFalse();
    assertThat(tx.inWorkspace(a, () -> contacts.delete(a, original.id(), OptionalLong.of(first.version())))).isTrue();
    assertThat(read(a, original.id())).isEmpty();
  }

  @Test
  void givenTwoInterleavedUpdatesFromTheSameVersion_thenOnlyOneChangesTheContact() throws Exception {
    Contact original = stored(aContact(a));
    Contact winner = original.changed(new PersonName("Winner"), original.lastName(), original.email(),
        original.phone(), original.jobTitle(), original.company(), Instant.now());
    Contact loser = original.changed(new PersonName("Loser"), original.lastName(), original.email(),
        original.phone(), original.jobTitle(), original.company(), Instant.now());
    CountDownLatch winnerWrote = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> first = pool.submit(() -> tx.inWorkspace(a, () -> {
        boolean updated = contacts.update(winner, original.version());
        winnerWrote.countDown();
        sleep(300); // still uncommitted while the other update runs
        return updated;
      }));
      assertThat(winnerWrote.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> second = pool.submit(() -> tx.inWorkspace(a, () -> contacts.update(loser, original.version())));

      assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(second.get(10, TimeUnit.SECONDS)).isFalse();
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(a, original.id())).contains(winner);
  }

  @Test
  void pagesFollowCreatedTimeThenIdInUnsignedUuidOrder() {
    Instant tie = Instant.parse("2026-01-01T00:00:00.000001Z");
    List<Contact> all = new ArrayList<>();
    // Ids whose high bit is set sort after the others in PostgreSQL, before them with UUID.compareTo.
    for (String id : List.of("ffffffff-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
        "80000000-0000-4000-8000-000000000003", "7fffffff-0000-4000-8000-000000000004",
        "00000000-0000-4000-8000-000000000001")) {
      all.add(aContact(a, tie, UUID.fromString(id)));
    }
    all.add(aContact(a, tie.minus(1, ChronoUnit.MICROS), UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff")));
    all.add(aContact(a, tie.plus(1, ChronoUnit.MICROS), UUID.fromString("00000000-0000-4000-8000-000000000000")));
    tx.inWorkspace(a, () -> { all.forEach(contacts::insert); return null; });
    stored(aContact(b, tie, UUID.randomUUID())); // another workspace's contact never shows

    List<Contact> walked = walk(a, 2);

    List<Contact> expected = new ArrayList<>(all);
    expected.sort(Comparator.comparing(Contact::createdAt).thenComparing(c -> c.id().value(), UuidOrder.UNSIGNED));
    assertThat(walked).containsExactlyElementsOf(expected);
    assertThat(walked.get(1).id().value()).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    assertThat(walked.get(5).id().value()).isEqualTo(UUID.fromString("ffffffff-0000-4000-8000-000000000001"));
  }

  @Test
  @DisplayName("TEN-03: an export hands every contact of its list walk, in its order, with its company's domain, and none of another workspace")
  void exportEqualsTheListWalk_withCompanyDomains() {
    Company company = storedCompany(a);
    List<Contact> stored = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Contact contact = aContact(a);
      stored.add(stored(i % 2 == 0 ? workingFor(contact, company) : contact));
    }
    Company elsewhere = storedCompany(b);
    stored(workingFor(aContact(b), elsewhere));

    for (ListQuery query : List.of(ListQuery.first(ContactListing.OFFER, 2),
        ListQuery.of(new dev.custodian.crm.core.common.validation.Validator(), ContactListing.OFFER,
            java.util.Map.of("sort", List.of("-createdAt"), "limit", List.of("1"))))) {
      List<ExportedContact> exported = new ArrayList<>();
      tx.inWorkspace(a, () -> { contacts.export(a, query, List.of(), exported::add); return null; });
      assertThat(exported.stream().map(ExportedContact::contact).toList()).containsExactlyElementsOf(walk(a, query));
      assertThat(exported).hasSize(5);
      exported.forEach(row -> assertThat(row.companyDomain()).isEqualTo(row.contact().company().isPresent()
          ? company.domain() : Optional.empty()));
    }
  }

  @Test
  void givenExactlyOneFullPage_thenNoNextCursor() {
    tx.inWorkspace(a, () -> { contacts.insert(aContact(a)); contacts.insert(aContact(a)); return null; });
    Page<Contact> page = tx.inWorkspace(a, () -> contacts.list(a, ListQuery.first(ContactListing.OFFER, 2)));
    assertThat(page.items()).hasSize(2);
    assertThat(page.next()).isEmpty();
  }

  /** Walks every page of a workspace's contacts with the given page size, oldest first. */
  protected List<Contact> walk(WorkspaceId workspace, int limit) {
    return walk(workspace, ListQuery.first(ContactListing.OFFER, limit));
  }

  /** Walks every page of {@code first}'s query of a workspace's contacts. */
  protected List<Contact> walk(WorkspaceId workspace, ListQuery first) {
    return KeysetWalkCheck.walk(query -> tx.inWorkspace(workspace, () -> contacts.list(workspace, query)), first);
  }

  /** The query of these list parameters, as a client sends them. */
  private static ListQuery query(String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    return ListQuery.of(ContactListing.OFFER, parameters);
  }

  private static List<String> lastNames(List<Contact> contacts) {
    return contacts.stream().map(c -> c.lastName().value()).toList();
  }

  @Test
  void walkingEachSortBothWaysOver10000Contacts_whileOthersAreInserted_returnsEachExistingOneOnceInOrder() throws Exception {
    WorkspaceId workspace = a;
    KeysetWalkCheck.walkEverySortBothWaysWhileOthersAreInserted(ContactListing.OFFER, new KeysetWalkCheck.SortedStore<Contact>() {
      @Override
      public void insert(List<KeysetWalkCheck.Sample> samples) {
        run(workspace, () -> samples.forEach(s -> contacts.insert(aContact(workspace,
            (Instant) s.value(ContactListing.CREATED_AT), s.id(), (String) s.value(ContactListing.LAST_NAME)))));
      }

      @Override
      public Page<Contact> list(ListQuery query) {
        return in(workspace, () -> contacts.list(workspace, query));
      }

      @Override
      public KeysetWalkCheck.Sample sampleOf(Contact contact) {
        return new KeysetWalkCheck.Sample(contact.id().value(), Map.of(
            ContactListing.CREATED_AT, contact.createdAt(), ContactListing.LAST_NAME, contact.lastName().value()));
      }
    });
  }

  @Test
  void lastNameSortsIgnoringCaseInCodePointOrder_tiesByUnsignedId_bothWays() {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    // "ｚ" (U+FF5A) sorts before "𝒜" (U+1D49C) by code point, after it by UTF-16 unit (String.compareTo);
    // the high-bit id sorts after the low one in PostgreSQL, before it with UUID.compareTo.
    tx.inWorkspace(a, () -> {
      contacts.insert(aContact(a, at, UUID.fromString("80000000-0000-4000-8000-000000000001"), "Ada"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000002"), "ada"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000003"), "Zoë"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000004"), "émile"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000005"), "Émile"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000006"), "Ｚed"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000007"), "𝒜lice"));
      contacts.insert(aContact(a, at, UUID.fromString("00000000-0000-4000-8000-000000000008"), "bob"));
      return null;
    });
    stored(aContact(b, at, UUID.randomUUID(), "Aaron")); // another workspace's contact never shows

    assertThat(lastNames(walk(a, query("sort", "lastName", "limit", "3"))))
        .containsExactly("ada", "Ada", "bob", "Zoë", "émile", "Émile", "Ｚed", "𝒜lice");
    assertThat(lastNames(walk(a, query("sort", "-lastName", "limit", "3"))))
        .containsExactly("𝒜lice", "Ｚed", "Émile", "émile", "Zoë", "bob", "Ada", "ada");
  }

  @Test
  void filtersOnCreatedTimeAndEmptyLastName_holdOnEveryPageOfAnySort() {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    List<Contact> all = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      all.add(aContact(a, t0.plus(i, ChronoUnit.HOURS), UUID.randomUUID(), List.of("b", "A", "c", "E", "D", "f", "C").get(i)));
    }
    tx.inWorkspace(a, () -> { all.forEach(contacts::insert); return null; });
    String from = t0.plus(1, ChronoUnit.HOURS).toString();
    String to = t0.plus(5, ChronoUnit.HOURS).toString();

    assertThat(lastNames(walk(a, query("createdAt.gte", from, "createdAt.lte", to, "limit", "2"))))
        .as("bounds are inclusive").containsExactly("A", "c", "E", "D", "f");
    assertThat(lastNames(walk(a, query("createdAt.gte", from, "createdAt.lte", to, "sort", "-lastName", "limit", "2"))))
        .containsExactly("f", "E", "D", "c", "A");
    assertThat(lastNames(walk(a, query("createdAt.lte", t0.toString(), "sort", "-createdAt")))).containsExactly("b");
    assertThat(walk(a, query("createdAt.gte", to, "createdAt.lte", from))).isEmpty();
    assertThat(walk(a, query("lastName.empty", "true"))).as("a last name is never empty").isEmpty();
    assertThat(walk(a, query("lastName.empty", "false", "limit", "3"))).containsExactlyElementsOf(all);
  }

  private Contact person(WorkspaceId workspace, String first, String last, String email, String jobTitle,
      Optional<CompanyId> company) {
    return Contact.create(workspace, ContactId.of(UUID.randomUUID()), new PersonName(first), new PersonName(last),
        new EmailAddress(email), Optional.empty(), Optional.ofNullable(jobTitle).map(JobTitle::new), company,
        Instant.parse("2026-04-01T00:00:00Z"));
  }

  @Test
  void searchFindsAContactByEachOfItsFields_ignoringCase_asASubstring_andNothingElse() {
    Company acme = storedCompany(a);
    Contact grace = person(a, "Grace", "Hopper", "amazing.grace@navy.example", "Rear Admiral", Optional.of(acme.id()));
    Contact alan = person(a, "Alan", "Turing", "alan@bletchley.example", null, Optional.empty());
    tx.inWorkspace(a, () -> { contacts.insert(grace); contacts.insert(alan); return null; });
    // Another workspace's contact matching every search never shows.
    Company otherAcme = storedCompany(b);
    stored(person(b, "Grace", "Hopper", "amazing.grace@navy.example", "Rear Admiral", Optional.of(otherAcme.id())));

    assertThat(walk(a, query("q", "RAC"))).as("first name").containsExactly(grace);
    assertThat(walk(a, query("q", "hopp"))).as("last name").containsExactly(grace);
    assertThat(walk(a, query("q", "ace hop"))).as("full name").containsExactly(grace);
    assertThat(walk(a, query("q", "NAVY.EX"))).as("email").containsExactly(grace);
    assertThat(walk(a, query("q", "admiral"))).as("job title").containsExactly(grace);
    assertThat(walk(a, query("q", acme.name().value().substring(1).toUpperCase()))).as("company name").containsExactly(grace);
    assertThat(walk(a, query("q", "uring"))).containsExactly(alan);
    assertThat(walk(a, query("q", "zzz"))).isEmpty();
    assertThat(walk(a, query("q", "%%%"))).as("LIKE's wildcards are plain characters").isEmpty();
    assertThat(walk(a, query("q", "___"))).isEmpty();
  }

  @Test
  void searchCombinesWithFiltersAndSorts_onEveryPage() {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    List<Contact> all = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      all.add(aContact(a, t0.plus(i, ChronoUnit.HOURS), UUID.randomUUID(), List.of("Smithe", "Jones", "smith", "Blacksmith", "Brown", "SMITHERS").get(i)));
    }
    tx.inWorkspace(a, () -> { all.forEach(contacts::insert); return null; });

    assertThat(lastNames(walk(a, query("q", "smith", "limit", "2")))).containsExactly("Smithe", "smith", "Blacksmith", "SMITHERS");
    assertThat(lastNames(walk(a, query("q", "smith", "sort", "-lastName", "limit", "1"))))
        .containsExactly("SMITHERS", "Smithe", "smith", "Blacksmith");
    assertThat(lastNames(walk(a, query("q", "Smith", "createdAt.gte", t0.plus(2, ChronoUnit.HOURS).toString(), "limit", "2"))))
        .containsExactly("smith", "Blacksmith", "SMITHERS");
  }

  @Test
  void givenContactReadForUpdate_whenAnotherTransactionUpdatesIt_thenThatWaitsUntilCommit() throws Exception {
    Contact original = stored(aContact(a));
    Contact other = original.changed(new PersonName("Other"), original.lastName(), original.email(),
        original.phone(), original.jobTitle(), original.company(), Instant.now());
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch otherDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> otherWasDoneBeforeCommit = pool.submit(() -> tx.inWorkspace(a, () -> {
        assertThat(contacts.findByIdForUpdate(a, original.id())).contains(original);
        locked.countDown();
        // The other update must wait for this transaction; if it is not done within this bound,
        // it waits (a lost lock lets it through at once). Then delete, as erasure does.
        boolean done = awaitAtMost(otherDone, 1);
        contacts.delete(a, original.id(), OptionalLong.empty());
        return done;
      }));
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Boolean> otherUpdate = pool.submit(() -> {
        try {
          return tx.inWorkspace(a, () -> contacts.update(other, original.version()));
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


  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
