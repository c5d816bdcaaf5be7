package dev.custodian.crm.core.company;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.port.in.CreateCompanyCommand;
import dev.custodian.crm.core.company.port.in.DeleteCompanyCommand;
import dev.custodian.crm.core.company.port.in.UpdateCompanyCommand;
import dev.custodian.crm.core.company.service.CompanyServices;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CompanyServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companyStore = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contactStore = new InMemoryContactRepository(tx, companyStore);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final Clock clock = Clock.systemUTC();
  private final CompanyUseCases companies =
      CompanyServices.create(inWorkspace, companyStore, List.of(contactStore), IdGenerator.random(), clock);
  private final ContactUseCases contacts = ContactServices.create(inWorkspace, contactStore,
      new InMemorySuppressionList(), IdGenerator.random(), clock);
  /** Every use case below runs for this member of {@link #ws}, unless it says otherwise. */
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  @BeforeEach
  void workspaceWithItsMembers() {
    ws = workspaceOf(Map.of(member, Role.MEMBER, viewer, Role.VIEWER));
  }

  private WorkspaceId workspaceOf(Map<Actor, Role> roles) {
    Workspace w = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(w);
      roles.forEach((actor, role) -> memberships.insert(w.id(), actor.account(), role, w.createdAt()));
      return null;
    });
    return w.id();
  }

  private Company acme() {
    return companies.create().create(member, CreateCompanyCommand.of(ws, " Acme Corp ", "https://WWW.Acme.example/about"));
  }

  private Contact worksFor(WorkspaceId workspace, Company company) {
    return contacts.create().create(member, CreateContactCommand.builder(workspace).firstName("Wile E.")
        .lastName("Coyote").email("w." + UUID.randomUUID() + "@example.org").company(company.id()).build());
  }

  private static PatchValue<String> absent() {
    return PatchValue.absent();
  }

  @Test
  void givenValidInput_whenCreated_thenNormalisedAndReadable() {
    Company acme = acme();
    assertThat(acme.name().value()).isEqualTo("Acme Corp");
    assertThat(acme.domain()).map(CompanyDomain::value).contains("acme.example");
    assertThat(acme.version()).isEqualTo(1);
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(acme);
    assertThat(companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 50)).items()).containsExactly(acme);
    Company nameOnly = companies.create().create(member, CreateCompanyCommand.builder(ws).name("Nameless").build());
    assertThat(nameOnly.domain()).isEmpty();
  }

  @Test
  void givenEveryFieldBad_whenCommandBuilt_thenOneExceptionListsThemAll() {
    assertThatThrownBy(() -> CreateCompanyCommand.of(ws, "", "192.168.0.1"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("name", "domain"));
    assertThatThrownBy(() -> CreateCompanyCommand.of(ws, "x".repeat(201), "not a host"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("name", "domain"));
    assertThatThrownBy(() -> CreateCompanyCommand.of(ws, null, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("name"));
    assertThat(CreateCompanyCommand.of(ws, "x".repeat(200), null).name().value()).hasSize(200);
  }

  @Test
  void domainsAreKeptAsTheLowerCaseAsciiHostWithoutWww() {
    Map<String, String> good = Map.ofEntries(
        Map.entry("example.com", "example.com"),
        Map.entry("  Example.COM ", "example.com"),
        Map.entry("www.example.com", "example.com"),
        Map.entry("WWW.Example.com.", "example.com"),
        Map.entry("https://www.example.com/about?x=1#top", "example.com"),
        Map.entry("http://shop.example.co.uk:8080", "shop.example.co.uk"),
        Map.entry("example.com/path", "example.com"),
        Map.entry("ftp://files.example.org", "files.example.org"),
        Map.entry("münchen.de", "xn--mnchen-3ya.de"),
        Map.entry("https://Bücher.example/", "xn--bcher-kva.example"),
        Map.entry("www.com", "www.com"),
        Map.entry("3com.com", "3com.com"),
        Map.entry("a-b.example", "a-b.example"),
        Map.entry("xn--mnchen-3ya.de", "xn--mnchen-3ya.de"));
    good.forEach((given, kept) -> assertThat(new CompanyDomain(given).value()).as(given).isEqualTo(kept));

    for (String bad : List.of("", "   ", "localhost", "example", "192.168.0.1", "https://10.0.0.1/", "[::1]",
        "http://[2001:db8::1]:80/", "-example.com", "example-.com", "exa mple.com", "example..com", ".example.com",
        "example.com..", "user@example.com", "https://user:pw@example.com/", "example.com:port", "example.com:123456",
        "exa_mple.com", "x".repeat(64) + ".com", ("abcdefghij".repeat(6) + ".").repeat(5) + "com", "https://",
        "http:///path", "example.123", "e\u0000xample.com", "exam\nple.com", "https://www./")) {
      assertThatThrownBy(() -> new CompanyDomain(bad)).as(bad).isInstanceOf(InvalidValueException.class)
          .satisfies(e -> assertThat(e.getMessage()).as("names no part of the input")
              .isIn("must not be blank", "must be a domain name such as example.com, or a URL with one"));
    }
    assertThat(new CompanyDomain("secret.example").toString()).doesNotContain("secret");
  }

  @Test
  void givenDomainOfAnotherCompany_thenDuplicate_inAnyForm_butAnotherWorkspaceMayUseIt() {
    acme();
    long before = companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 200)).items().size();
    assertThatThrownBy(() -> companies.create().create(member, CreateCompanyCommand.of(ws, "Acme again", "acme.EXAMPLE")))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    Company other = companies.create().create(member, CreateCompanyCommand.of(ws, "Other", "other.example"));
    assertThatThrownBy(() -> companies.update().update(member, UpdateCompanyCommand.builder(ws, other.id(), 1)
        .domain("http://www.acme.example").build()))
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.DUPLICATE));
    assertThat(companies.get().get(member, ws, other.id())).isEqualTo(other);
    assertThat(companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 200)).items()).hasSize((int) before + 1);

    WorkspaceId elsewhere = workspaceOf(Map.of(member, Role.MEMBER));
    assertThat(companies.create().create(member, CreateCompanyCommand.of(elsewhere, "Acme", "acme.example")).domain())
        .map(CompanyDomain::value).contains("acme.example");
  }

  @Test
  void givenPartialPatch_thenAbsentStays_nullClearsTheDomain_andVersionAdvances() {
    Company acme = acme();
    Company renamed = companies.update().update(member, UpdateCompanyCommand.of(ws, acme.id(), OptionalLong.of(1),
        PatchValue.set("Acme Inc"), absent()));
    assertThat(renamed.name().value()).isEqualTo("Acme Inc");
    assertThat(renamed.domain()).isEqualTo(acme.domain());
    assertThat(renamed.version()).isEqualTo(2);

    Company withoutDomain = companies.update().update(member, UpdateCompanyCommand.of(ws, acme.id(), OptionalLong.of(2),
        absent(), PatchValue.clear()));
    assertThat(withoutDomain.domain()).isEmpty();
    assertThat(withoutDomain.name()).isEqualTo(renamed.name());
    assertThat(withoutDomain.version()).isEqualTo(3);
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(withoutDomain);

    assertThat(companies.update().update(member, UpdateCompanyCommand.builder(ws, acme.id(), 3)
        .name("Acme Inc").clearDomain().build())).as("no change, no new version").isEqualTo(withoutDomain);
  }

  @Test
  void givenNullNameAndBadDomain_whenPatched_thenBothReportedAndNothingChanges() {
    Company acme = acme();
    assertThatThrownBy(() -> UpdateCompanyCommand.of(ws, acme.id(), OptionalLong.of(1),
        PatchValue.clear(), PatchValue.set("nope")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("name", "domain"));
    assertThatThrownBy(() -> UpdateCompanyCommand.builder(ws, acme.id(), 1).name(null).build())
        .isInstanceOf(ValidationException.class);
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(acme);
  }

  @Test
  void givenNoVersion_thenPreconditionRequired_andStaleVersion_thenPreconditionFailed() {
    Company acme = acme();
    assertThatThrownBy(() -> UpdateCompanyCommand.of(ws, acme.id(), OptionalLong.empty(), PatchValue.set("X"), absent()))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isTrue());
    assertThatThrownBy(() -> companies.update().update(member, UpdateCompanyCommand.of(ws, acme.id(), OptionalLong.of(7),
        PatchValue.set("X"), absent())))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isFalse());
    assertThatThrownBy(() -> companies.delete().delete(member, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.of(7))))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(acme);

    companies.delete().delete(member, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.of(1)));
    assertThatThrownBy(() -> companies.get().get(member, ws, acme.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> companies.delete().delete(member, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.empty())))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("company"));
  }

  @Test
  void deletingACompany_unlinksItsContacts_whoStay_andLeavesOtherLinksAlone() {
    Company acme = acme();
    Company other = companies.create().create(member, CreateCompanyCommand.of(ws, "Other", null));
    Contact first = worksFor(ws, acme);
    Contact second = worksFor(ws, acme);
    Contact elsewhere = worksFor(ws, other);

    companies.delete().delete(member, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.empty()));

    for (Contact was : List.of(first, second)) {
      Contact now = contacts.get().get(member, ws, was.id());
      assertThat(now.company()).isEmpty();
      assertThat(now.version()).isEqualTo(was.version() + 1);
      assertThat(now.email()).isEqualTo(was.email());
      assertThat(now.updatedAt()).isEqualTo(was.updatedAt());
    }
    assertThat(contacts.get().get(member, ws, elsewhere.id())).isEqualTo(elsewhere);
    assertThat(companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 200)).items()).containsExactly(other);
  }

  @Test
  void givenAViewer_thenReadsAreAllowed_andChangesForbidden_changingNothing() {
    Company acme = acme();
    assertThat(companies.get().get(viewer, ws, acme.id())).isEqualTo(acme);
    assertThat(companies.list().list(viewer, ws, ListQuery.first(CompanyListing.OFFER, 50)).items()).containsExactly(acme);
    assertForbidden(() -> companies.create().create(viewer, CreateCompanyCommand.of(ws, "V", null)));
    assertForbidden(() -> companies.update().update(viewer, UpdateCompanyCommand.builder(ws, acme.id(), 1).name("V").build()));
    assertForbidden(() -> companies.delete().delete(viewer, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.empty())));
    assertThat(companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 50)).items()).containsExactly(acme);
  }

  @Test
  @DisplayName("TEN-01: an outsider gets workspace-not-found from every company use case, and nothing changes")
  void givenAnAccountThatIsNoMember_thenEveryUseCaseAnswersWorkspaceNotFound() {
    Company acme = acme();
    Actor outsider = Actor.account(AccountId.of(UUID.randomUUID()));
    workspaceOf(Map.of(outsider, Role.OWNER)); // the owner of another workspace is still an outsider of this one

    assertWorkspaceNotFound(() -> companies.create().create(outsider, CreateCompanyCommand.of(ws, "X", null)));
    assertWorkspaceNotFound(() -> companies.get().get(outsider, ws, acme.id()));
    assertWorkspaceNotFound(() -> companies.list().list(outsider, ws, ListQuery.first(CompanyListing.OFFER, 50)));
    assertWorkspaceNotFound(() -> companies.update().update(outsider,
        UpdateCompanyCommand.builder(ws, acme.id(), 1).name("Mallory").build()));
    assertWorkspaceNotFound(() -> companies.delete().delete(outsider, new DeleteCompanyCommand(ws, acme.id(), OptionalLong.empty())));
    assertThat(companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 50)).items()).containsExactly(acme);
  }

  @Test
  @DisplayName("TEN-01: workspace A's company through workspace B is not found, and deleting it there unlinks nothing")
  void anotherWorkspacesCompanyIsNotFound() {
    Company acme = acme();
    Contact linked = worksFor(ws, acme);
    WorkspaceId b = workspaceOf(Map.of(member, Role.MEMBER));

    assertThatThrownBy(() -> companies.get().get(member, b, acme.id())).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo("company"));
    assertThatThrownBy(() -> companies.update().update(member, UpdateCompanyCommand.builder(b, acme.id(), 1).name("X").build()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> companies.delete().delete(member, new DeleteCompanyCommand(b, acme.id(), OptionalLong.empty())))
        .isInstanceOf(NotFoundException.class);
    assertThat(companies.list().list(member, b, ListQuery.first(CompanyListing.OFFER, 50)).items()).isEmpty();
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(acme);
    assertThat(contacts.get().get(member, ws, linked.id())).isEqualTo(linked);
  }

  private static void assertWorkspaceNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo("workspace"));
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(ForbiddenException.class);
  }
}
