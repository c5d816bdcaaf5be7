package dev.custodian.crm.core.company;

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
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.port.in.CreateCompanyCommand;
import dev.custodian.crm.core.company.port.in.UpdateCompanyCommand;
import dev.custodian.crm.core.company.service.CompanyServices;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldFixtures;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.InMemoryCustomFieldRepository;
import dev.custodian.crm.core.customfield.InMemoryCustomValueRepository;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A company's custom values through its use cases on the fakes: set, read, cleared, checked all at once, suppressed. */
class CompanyCustomValuesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryCompanyRepository companyStore = new InMemoryCompanyRepository(tx);
  private final InMemoryCustomFieldRepository fields = new InMemoryCustomFieldRepository(tx);
  private final InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(tx, fields);
  private final InMemorySuppressionList suppression = new InMemorySuppressionList();
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final CompanyUseCases companies = CompanyServices.create(inWorkspace, companyStore, List.of(), suppression,
      new CustomValueIntake(fields, values), IdGenerator.random(), Clock.systemUTC());
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  {
    companyStore.readingCustomValuesFrom(values);
  }

  @BeforeEach
  void workspaceWithAMember() {
    Workspace w = aWorkspace();
    tx.inPlatform(() -> {
      workspaces.insert(w);
      memberships.insert(w.id(), member.account(), Role.MEMBER, w.createdAt());
      return null;
    });
    ws = w.id();
  }

  private CustomField field(ObjectType objectType, String key, CustomFieldType type) {
    CustomField field = CustomFieldFixtures.aField(ws, objectType, key, type);
    tx.inWorkspace(ws, () -> {
      fields.insert(field);
      return null;
    });
    return field;
  }

  private Company create(String name, Map<String, Object> custom) {
    return companies.create().create(member, WithCustom.of(new Validator(), ws,
        CreateCompanyCommand.of(ws, name, null), custom));
  }

  private Company patch(Company company, long version, Map<String, Object> custom) {
    return companies.update().update(member, WithCustom.of(new Validator(), ws, UpdateCompanyCommand.of(ws,
        company.id(), OptionalLong.of(version), PatchValue.absent(), PatchValue.absent()), custom));
  }

  private List<Company> all() {
    return companies.list().list(member, ws, ListQuery.first(CompanyListing.OFFER, 50)).items();
  }

  @Test
  void givenCustomValues_whenCreatedAndPatched_thenStoredWithTheCompany_nullClearsAKey_andAnAbsentKeyStays() {
    field(ObjectType.COMPANY, "tier", CustomFieldType.SINGLE_SELECT);
    field(ObjectType.COMPANY, "employees", CustomFieldType.NUMBER);
    Company acme = create("Acme", Map.of("tier", "gold", "employees", 250));

    assertThat(acme.custom().values()).containsOnlyKeys(new FieldKey("tier"), new FieldKey("employees"));
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(acme);
    assertThat(companies.get().get(member, ws, acme.id()).custom()).isEqualTo(acme.custom());
    assertThat(all()).singleElement().satisfies(c -> assertThat(c.custom()).isEqualTo(acme.custom()));

    Map<String, Object> clearTier = new HashMap<>();
    clearTier.put("tier", null);
    Company changed = patch(acme, 1, clearTier);
    assertThat(changed.version()).as("a changed value is a new version").isEqualTo(2);
    assertThat(changed.custom().values()).containsOnlyKeys(new FieldKey("employees"));
    assertThat(companies.get().get(member, ws, acme.id())).isEqualTo(changed);

    assertThat(patch(acme, 2, Map.of("employees", 250)).version()).as("the same value changes nothing").isEqualTo(2);
  }

  @Test
  void givenBadBuiltInAndCustomFields_thenOneExceptionNamesThemAll_andNothingIsStored() {
    field(ObjectType.COMPANY, "tier", CustomFieldType.SINGLE_SELECT);
    field(ObjectType.COMPANY, "employees", CustomFieldType.NUMBER);
    field(ObjectType.CONTACT, "nickname", CustomFieldType.TEXT);
    Validator v = new Validator();
    CreateCompanyCommand command = CreateCompanyCommand.of(v, ws, "", "not a domain at all");
    assertThatThrownBy(() -> companies.create().create(member, WithCustom.of(v, ws, command,
        Map.of("tier", "platinum", "employees", "many", "nickname", "x"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactlyInAnyOrder("name", "domain", "custom/tier", "custom/employees", "custom/nickname"));
    assertThatThrownBy(() -> create("Acme", Map.of("tier", 3)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactly("custom/tier"));
    assertThat(all()).isEmpty();
  }

  @Test
  @DisplayName("DSR-04: a suppressed email or phone cannot come back as a company's custom EMAIL or PHONE value")
  void suppressedIdentifiersAreRefusedAsCustomValues() {
    field(ObjectType.COMPANY, "billing_email", CustomFieldType.EMAIL);
    field(ObjectType.COMPANY, "hotline", CustomFieldType.PHONE);
    suppression.suppress(ws, new EmailAddress("gone@example.org"), Instant.EPOCH);
    suppression.suppress(ws, new PhoneNumber("+15550100000"), Instant.EPOCH);
    Company acme = create("Acme", Map.of());

    assertThatThrownBy(() -> create("Other", Map.of("billing_email", "Gone@Example.org")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThatThrownBy(() -> patch(acme, 1, Map.of("hotline", "+1 555 010 0000")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThat(all()).containsExactly(acme);
    assertThat(companies.get().get(member, ws, acme.id()).custom().values()).isEmpty();
  }
}
