package dev.custodian.crm.core.contact;

import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyFixtures;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.ListContactsUseCase;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.contact.service.CreateContactService;
import dev.custodian.crm.core.contact.service.DeleteContactService;
import dev.custodian.crm.core.contact.service.GetContactService;
import dev.custodian.crm.core.contact.service.UpdateContactService;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldFixtures;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import dev.custodian.crm.core.customfield.InMemoryCustomFieldRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(tx, companies);
  private final InMemorySuppressionList suppression = new InMemorySuppressionList();
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final Clock clock = Clock.systemUTC();
  private final InMemoryCustomFieldRepository fields = new InMemoryCustomFieldRepository(tx);
  private final InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(tx, fields);
  private final CustomValueIntake custom = new CustomValueIntake(fields, values);
  private final CreateContactService create =
      new CreateContactService(inWorkspace, contacts, suppression, custom, IdGenerator.random(), clock);
  private final GetContactService get = new GetContactService(inWorkspace, contacts);
  private final ListContactsUseCase list =
      ContactServices.create(inWorkspace, contacts, suppression, IdGenerator.random(), clock).list();
  private final UpdateContactService update = new UpdateContactService(inWorkspace, contacts, suppression, custom, clock);

  {
    contacts.readingCustomValuesFrom(values);
  }
  private final DeleteContactService delete = new DeleteContactService(inWorkspace, contacts, java.util.List.of());
  /** Every use case below runs for this member of {@link #ws}. */
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  @BeforeEach
  void workspaceWithItsMember() {
    Workspace w = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(w);
      memberships.insert(w.id(), member.account(), Role.MEMBER, w.createdAt());
      return null;
    });
    ws = w.id();
  }

  private Contact ada() {
    return create.create(member, CreateContactCommand.of(ws, " Ada ", "Lovelace", " Ada@Example.ORG ", "+44 (20) 7946-0958", null, null));
  }

  private static PatchValue<String> absent() {
    return PatchValue.absent();
  }

  @Test
  void givenValidInput_whenCreated_thenNormalisedAndReadable() {
    Contact ada = ada();
    assertThat(ada.firstName().value()).isEqualTo("Ada");
    assertThat(ada.email().value()).isEqualTo("Ada@Example.ORG");
    assertThat(ada.email().normalised()).isEqualTo("ada@example.org");
    assertThat(ada.phone().orElseThrow().value()).isEqualTo("+442079460958");
    assertThat(ada.version()).isEqualTo(1);
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 50)).items()).containsExactly(ada);
  }

  @Test
  void givenEveryFieldBad_whenCommandBuilt_thenOneExceptionListsThemAll() {
    assertThatThrownBy(() -> CreateContactCommand.of(ws, "", "x".repeat(101), "not-an-email", "12345", null, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("firstName", "lastName", "email", "phone"));
    assertThatThrownBy(() -> CreateContactCommand.of(ws, null, null, null, null, null, null))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("firstName", "lastName", "email"));
  }

  @Test
  void emailAndPhoneRules() {
    for (String bad : new String[] {"a@b", "a@@b.org", "a b@c.org", ".a@b.org", "a..b@c.org", "a@-b.org",
        "a@b.org.", "x".repeat(250) + "@b.org", "a@b_c.org"}) {
      assertThatThrownBy(() -> new EmailAddress(bad)).as(bad)
          .isInstanceOf(dev.custodian.crm.core.common.error.InvalidValueException.class);
    }
    assertThat(new EmailAddress("first.last+tag@sub.example.co.uk").normalised()).isEqualTo("first.last+tag@sub.example.co.uk");
    for (String bad : new String[] {"0044123456789", "+1234567", "+1234567890123456", "+12a4567890", "++12345678"}) {
      assertThatThrownBy(() -> new PhoneNumber(bad)).as(bad)
          .isInstanceOf(dev.custodian.crm.core.common.error.InvalidValueException.class);
    }
    assertThat(new PhoneNumber("+1 (555) 010.9999").value()).isEqualTo("+15550109999");
    assertThat(new PhoneNumber("+12345678").value()).isEqualTo("+12345678");
    assertThat(new EmailAddress("Secret@Example.org").toString()).doesNotContain("Secret");
  }

  @Test
  void givenUnknownWorkspace_thenEveryUseCaseAnswersNotFound() {
    WorkspaceId unknown = WorkspaceId.of(UUID.randomUUID());
    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(unknown, "A", "B", "a@b.org", null, null, null)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("workspace"));
    assertThatThrownBy(() -> list.list(member, unknown, ListQuery.first(ContactListing.OFFER, 50))).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> get.get(member, unknown, ContactId.of(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void givenAnAccountThatIsNoMember_thenEveryUseCaseAnswersWorkspaceNotFound_andChangesNothing() {
    Contact ada = ada();
    Workspace own = aWorkspace();
    Actor outsider = Actor.account(AccountId.of(UUID.randomUUID()));
    tx.inPlatform(() -> { // the owner of another workspace is still an outsider of this one
      workspaces.insert(own);
      memberships.insert(own.id(), outsider.account(), Role.OWNER, own.createdAt());
      return null;
    });

    assertWorkspaceNotFound(() -> create.create(outsider, CreateContactCommand.of(ws, "A", "B", "a@b.org", null, null, null)));
    assertWorkspaceNotFound(() -> get.get(outsider, ws, ada.id()));
    assertWorkspaceNotFound(() -> list.list(outsider, ws, ListQuery.first(ContactListing.OFFER, 50)));
    assertWorkspaceNotFound(() -> update.update(outsider, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        PatchValue.set("Mallory"), absent(), absent(), absent(), absent(), absent())));
    assertWorkspaceNotFound(() -> delete.delete(outsider, new DeleteContactCommand(ws, ada.id(), OptionalLong.empty())));

    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 50)).items()).containsExactly(ada);
  }

  private static void assertWorkspaceNotFound(ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(NotFoundException.class,
        e -> assertThat(e.resource()).isEqualTo("workspace"));
  }

  @Test
  void givenPartialPatch_thenAbsentStays_nullClearsThePhone_andVersionAdvances() {
    Contact ada = ada();
    Contact changed = update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        PatchValue.set("Augusta"), absent(), absent(), PatchValue.clear(), absent(), absent()));

    assertThat(changed.firstName().value()).isEqualTo("Augusta");
    assertThat(changed.lastName()).isEqualTo(ada.lastName());
    assertThat(changed.email()).isEqualTo(ada.email());
    assertThat(changed.phone()).isEmpty();
    assertThat(changed.version()).isEqualTo(2);
    assertThat(get.get(member, ws, ada.id())).isEqualTo(changed);
  }

  @Test
  void givenNullForRequiredFieldsAndBadValues_whenPatched_thenAllReportedAndNothingChanges() {
    Contact ada = ada();
    assertThatThrownBy(() -> UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        PatchValue.clear(), PatchValue.set(""), PatchValue.clear(), PatchValue.set("nope"), absent(), absent()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("firstName", "lastName", "email", "phone"));
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);
  }

  @Test
  void givenNoVersion_thenPreconditionRequired_andStaleVersion_thenPreconditionFailed() {
    Contact ada = ada();
    assertThatThrownBy(() -> UpdateContactCommand.of(ws, ada.id(), OptionalLong.empty(),
        absent(), absent(), absent(), absent(), absent(), absent()))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isTrue());
    assertThatThrownBy(() -> update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(7),
        PatchValue.set("X"), absent(), absent(), absent(), absent(), absent())))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.isMissing()).isFalse());
    assertThatThrownBy(() -> delete.delete(member, new DeleteContactCommand(ws, ada.id(), OptionalLong.of(7))))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);

    delete.delete(member, new DeleteContactCommand(ws, ada.id(), OptionalLong.empty()));
    assertThatThrownBy(() -> get.get(member, ws, ada.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> delete.delete(member, new DeleteContactCommand(ws, ada.id(), OptionalLong.empty())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("DSR-04: a suppressed email or phone cannot be added again, by create or by update")
  void suppressedIdentifiersAreRefusedAtIntake() {
    Contact ada = ada();
    suppression.suppress(ws, new EmailAddress("gone@example.org"), java.time.Instant.EPOCH);
    suppression.suppress(ws, new PhoneNumber("+15550100000"), java.time.Instant.EPOCH);

    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(ws, "G", "One", " GONE@example.org ", null, null, null)))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED))
        .hasMessageStartingWith("the email was erased");
    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(ws, "G", "One", "new@example.org", "+1 555 010 0000", null, null)))
        .isInstanceOf(ConflictException.class).hasMessageStartingWith("the phone was erased");
    assertThatThrownBy(() -> create.create(member, CreateContactCommand.of(ws, "G", "One", "gone@example.org", "+1 555 010 0000", null, null)))
        .as("both suppressed: the email is named").hasMessageStartingWith("the email was erased");
    assertThatThrownBy(() -> update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        absent(), absent(), PatchValue.set("Gone@Example.org"), absent(), absent(), absent())))
        .isInstanceOf(ConflictException.class).hasMessageStartingWith("the email was erased");
    assertThatThrownBy(() -> update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        absent(), absent(), absent(), PatchValue.set("+15550100000"), absent(), absent())))
        .isInstanceOf(ConflictException.class).hasMessageStartingWith("the phone was erased");
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 200)).items()).containsExactly(ada);
  }

  @Test
  void givenExistingRecordWithSuppressedIdentifier_whenOtherFieldsChange_thenAllowed() {
    Contact ada = ada();
    suppression.suppress(ws, ada.email(), java.time.Instant.EPOCH);
    suppression.suppress(ws, ada.phone().orElseThrow(), java.time.Instant.EPOCH);
    Contact changed = update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
        PatchValue.set("Augusta"), absent(), PatchValue.set(ada.email().value().toUpperCase(java.util.Locale.ROOT)), absent(), absent(), absent()));
    assertThat(changed.firstName().value()).isEqualTo("Augusta");
    Contact newPhone = update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(2),
        absent(), absent(), absent(), PatchValue.set("+15550100001"), absent(), absent()));
    assertThat(newPhone.phone().orElseThrow().value())
        .as("a new phone is checked alone: the kept, suppressed email does not refuse it").isEqualTo("+15550100001");
  }

  @Test
  void namedFieldBuilders_validateLikeOf_andAQueryWalksOnWithoutEncodingCursors() {
    Contact grace = create.create(member, CreateContactCommand.builder(ws)
        .firstName("Grace").lastName("Hopper").email("grace@example.org").phone("+1 555 0100 001").build());
    assertThatThrownBy(() -> CreateContactCommand.builder(ws).firstName("").email("nope").build())
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("firstName", "lastName", "email"));

    Contact changed = update.update(member, UpdateContactCommand.builder(ws, grace.id(), grace.version())
        .lastName("Murray Hopper").clearPhone().build());
    assertThat(changed.lastName().value()).isEqualTo("Murray Hopper");
    assertThat(changed.phone()).isEmpty();
    assertThatThrownBy(() -> UpdateContactCommand.builder(ws, grace.id(), changed.version()).email(null).build())
        .isInstanceOf(ValidationException.class);

    create.create(member, CreateContactCommand.builder(ws).firstName("Ada").lastName("L").email("ada@example.org").build());
    create.create(member, CreateContactCommand.builder(ws).firstName("Alan").lastName("T").email("alan@example.org").build());
    java.util.List<Contact> walked = new java.util.ArrayList<>();
    java.util.Optional<ListQuery> query = java.util.Optional.of(ListQuery.first(ContactListing.OFFER, 2));
    while (query.isPresent()) {
      var page = list.list(member, ws, query.get());
      walked.addAll(page.items());
      query = query.get().next(page);
    }
    assertThat(walked).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void givenAPatchThatChangesNothing_thenTheContactStaysAtItsVersion() {
    Contact ada = ada();
    Contact same = update.update(member, UpdateContactCommand.builder(ws, ada.id(), ada.version())
        .firstName(ada.firstName().value()).email(ada.email().value()).build());
    assertThat(same).isEqualTo(ada);
    assertThat(get.get(member, ws, ada.id()).version()).isEqualTo(ada.version());
    assertThat(update.update(member, UpdateContactCommand.builder(ws, ada.id(), ada.version()).build())).isEqualTo(ada);
  }

  private Company aCompanyOf(WorkspaceId workspace) {
    Company company = CompanyFixtures.aCompany(workspace);
    tx.inWorkspace(workspace, () -> { companies.insert(company); return null; });
    return company;
  }

  @Test
  void givenJobTitleAndCompany_whenCreatedAndPatched_thenStored_andNullClearsThem() {
    Company company = aCompanyOf(ws);
    Contact grace = create.create(member, CreateContactCommand.of(ws, "Grace", "Hopper", "grace@example.org", null,
        "  Rear Admiral ", company.id().toString().toUpperCase(java.util.Locale.ROOT)));
    assertThat(grace.jobTitle()).map(JobTitle::value).contains("Rear Admiral");
    assertThat(grace.company()).contains(company.id());
    assertThat(get.get(member, ws, grace.id())).isEqualTo(grace);

    Contact cleared = update.update(member, UpdateContactCommand.builder(ws, grace.id(), grace.version())
        .clearJobTitle().clearCompany().build());
    assertThat(cleared.jobTitle()).isEmpty();
    assertThat(cleared.company()).isEmpty();
    assertThat(cleared.version()).isEqualTo(2);

    Contact relinked = update.update(member, UpdateContactCommand.builder(ws, grace.id(), cleared.version())
        .jobTitle("Commodore").company(company.id()).build());
    assertThat(relinked.jobTitle()).map(JobTitle::value).contains("Commodore");
    assertThat(relinked.company()).contains(company.id());
    assertThat(get.get(member, ws, grace.id())).isEqualTo(relinked);
    assertThat(update.update(member, UpdateContactCommand.builder(ws, grace.id(), relinked.version())
        .jobTitle("Commodore").company(company.id()).build())).as("no change, no new version").isEqualTo(relinked);
  }

  @Test
  @DisplayName("TEN-01: a company of another workspace, or none at all, is refused naming companyId, and nothing is stored")
  void givenCompanyOutsideTheWorkspace_thenValidationNamingCompanyId() {
    Workspace other = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(other);
      memberships.insert(other.id(), member.account(), Role.MEMBER, other.createdAt());
      return null;
    });
    Company elsewhere = aCompanyOf(other.id());
    Contact ada = ada();
    for (String company : java.util.List.of(elsewhere.id().toString(), UUID.randomUUID().toString())) {
      assertThatThrownBy(() -> create.create(member,
          CreateContactCommand.of(ws, "G", "H", "g." + UUID.randomUUID() + "@example.org", null, null, company)))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
              .extracting(FieldError::name).containsExactly("companyId"));
      assertThatThrownBy(() -> update.update(member, UpdateContactCommand.of(ws, ada.id(), OptionalLong.of(1),
          absent(), absent(), absent(), absent(), absent(), PatchValue.set(company))))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
              .extracting(FieldError::name).containsExactly("companyId"));
    }
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 200)).items()).containsExactly(ada);
  }

  @Test
  void givenBadJobTitleAndCompanyId_thenReportedWithTheOtherFields() {
    assertThatThrownBy(() -> CreateContactCommand.of(ws, "", "L", "bad", null, "x".repeat(101), "not-a-uuid"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("firstName", "email", "jobTitle", "companyId"));
    assertThatThrownBy(() -> UpdateContactCommand.of(ws, ContactId.of(UUID.randomUUID()), OptionalLong.of(1),
        absent(), absent(), absent(), absent(), PatchValue.set(" "), PatchValue.set("1234")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("jobTitle", "companyId"));
    assertThat(CreateContactCommand.of(ws, "A", "B", "a@b.org", null, "x".repeat(100), null).jobTitle()).isPresent();
  }

  @Test
  void givenAQueryOfAnotherList_whenListing_thenRefusedAsAProgrammingError() {
    assertThatThrownBy(() -> list.list(member, ws, ListQuery.first(dev.custodian.crm.core.common.paging.ListOffer.OLDEST_FIRST, 10)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pagingParametersAreValidatedTogether() {
    assertThatThrownBy(() -> PageQuery.of(ws, 0, "%%%"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::location, FieldError::name)
            .containsExactly(org.assertj.core.api.Assertions.tuple(FieldError.Location.PARAMETER, "limit"),
                org.assertj.core.api.Assertions.tuple(FieldError.Location.PARAMETER, "cursor")));
    assertThatThrownBy(() -> PageQuery.of(ws, 201, null)).isInstanceOf(ValidationException.class);
    for (String bad : new String[] {"", "abc", "djE6MTIzOnh4eA", "djI6MTIzOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA"}) {
      assertThatThrownBy(() -> PageQuery.of(ws, null, bad)).as(bad).isInstanceOf(ValidationException.class);
    }
    assertThat(PageQuery.of(ws, null, null).page().limit()).isEqualTo(50);
  }
  private CustomField field(CustomField field) {
    tx.inWorkspace(field.workspace(), () -> {
      fields.insert(field);
      return null;
    });
    return field;
  }

  private static CustomField aField(WorkspaceId ws, String key, CustomFieldType type) {
    return CustomField.create(ws, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT, new FieldKey(key), type,
        new FieldLabel(key), false, java.util.List.of(), java.time.Instant.EPOCH);
  }

  private WithCustom<CreateContactCommand> withCustom(CreateContactCommand command, java.util.Map<String, Object> raw) {
    Validator v = new Validator();
    return WithCustom.of(v, ws, command, raw);
  }

  @Test
  void givenCustomValues_whenCreatedAndPatched_thenStoredWithTheContact_nullClearsAKey_andAnAbsentKeyStays() {
    field(CustomFieldFixtures.aSelectField(ws, "tier"));
    field(aField(ws, "score", CustomFieldType.NUMBER));
    Contact ada = create.create(member, withCustom(CreateContactCommand.of(ws, "Ada", "L", "ada@example.org", null,
        null, null), java.util.Map.of("tier", "gold", "score", 7)));

    assertThat(ada.custom().values()).containsOnlyKeys(new FieldKey("tier"), new FieldKey("score"));
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);
    assertThat(get.get(member, ws, ada.id()).custom()).isEqualTo(ada.custom());
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 50)).items().get(0).custom())
        .isEqualTo(ada.custom());

    java.util.Map<String, Object> patch = new java.util.HashMap<>();
    patch.put("tier", null);
    Contact changed = update.update(member, WithCustom.of(new Validator(), ws, UpdateContactCommand.of(ws, ada.id(),
        OptionalLong.of(1), absent(), absent(), absent(), absent(), absent(), absent()), patch));
    assertThat(changed.version()).as("a changed value is a new version").isEqualTo(2);
    assertThat(changed.custom().values()).containsOnlyKeys(new FieldKey("score"));
    assertThat(get.get(member, ws, ada.id())).isEqualTo(changed);
    assertThat(get.get(member, ws, ada.id()).custom()).isEqualTo(changed.custom());

    Contact same = update.update(member, WithCustom.of(new Validator(), ws, UpdateContactCommand.of(ws, ada.id(),
        OptionalLong.of(2), absent(), absent(), absent(), absent(), absent(), absent()), java.util.Map.of("score", 7)));
    assertThat(same.version()).as("the same value changes nothing").isEqualTo(2);
  }

  @Test
  void givenBadBuiltInAndCustomFields_thenOneExceptionNamesThemAll_andNothingIsStored() {
    field(CustomFieldFixtures.aSelectField(ws, "tier"));
    Validator v = new Validator();
    CreateContactCommand command = CreateContactCommand.of(v, ws, "", "L", "nope", null, null, null);
    assertThatThrownBy(() -> create.create(member, WithCustom.of(v, ws, command,
        java.util.Map.of("tier", "platinum", "unknown", "x"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactlyInAnyOrder("firstName", "email", "custom/tier", "custom/unknown"));
    assertThatThrownBy(() -> create.create(member, withCustom(CreateContactCommand.of(ws, "Ada", "L",
        "ada@example.org", null, null, null), java.util.Map.of("tier", 3))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("custom/tier"));
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 50)).items()).isEmpty();
  }

  @Test
  @DisplayName("DSR-04: a suppressed email or phone cannot come back as a custom EMAIL or PHONE value")
  void suppressedIdentifiersAreRefusedAsCustomValues() {
    field(aField(ws, "assistant_email", CustomFieldType.EMAIL));
    field(aField(ws, "home_phone", CustomFieldType.PHONE));
    suppression.suppress(ws, new EmailAddress("gone@example.org"), java.time.Instant.EPOCH);
    suppression.suppress(ws, new PhoneNumber("+15550100000"), java.time.Instant.EPOCH);
    Contact ada = ada();

    assertThatThrownBy(() -> create.create(member, withCustom(CreateContactCommand.of(ws, "G", "One",
        "new@example.org", null, null, null), java.util.Map.of("assistant_email", "Gone@Example.org"))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThatThrownBy(() -> update.update(member, WithCustom.of(new Validator(), ws, UpdateContactCommand.of(ws,
        ada.id(), OptionalLong.of(1), absent(), absent(), absent(), absent(), absent(), absent()),
        java.util.Map.of("home_phone", "+1 555 010 0000"))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThat(get.get(member, ws, ada.id())).isEqualTo(ada);
    assertThat(list.list(member, ws, ListQuery.first(ContactListing.OFFER, 50)).items()).containsExactly(ada);
  }
}
