package dev.custodian.crm.core.deal;

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
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.InMemoryCompanyRepository;
import dev.custodian.crm.core.contact.InMemoryContactRepository;
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
import dev.custodian.crm.core.deal.port.in.CreateDealCommand;
import dev.custodian.crm.core.deal.port.in.DealUseCases;
import dev.custodian.crm.core.deal.port.in.UpdateDealCommand;
import dev.custodian.crm.core.deal.service.DealServices;
import dev.custodian.crm.core.pipeline.InMemoryPipelineRepository;
import dev.custodian.crm.core.pipeline.service.DefaultPipelineInitializer;
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

/** A deal's custom values through its use cases on the fakes: set, read, cleared, checked with its references at once, suppressed. */
class DealCustomValuesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final InMemoryPipelineRepository pipelines = new InMemoryPipelineRepository(tx);
  private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository(tx);
  private final InMemoryContactRepository contacts = new InMemoryContactRepository(tx, companies);
  private final InMemoryDealRepository repository = new InMemoryDealRepository(tx, companies, contacts, pipelines);
  private final InMemoryCustomFieldRepository fields = new InMemoryCustomFieldRepository(tx);
  private final InMemoryCustomValueRepository values = new InMemoryCustomValueRepository(tx, fields);
  private final InMemorySuppressionList suppression = new InMemorySuppressionList();
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final DealUseCases deals = DealServices.create(inWorkspace, repository, pipelines, List.of(), suppression,
      new CustomValueIntake(fields, values), IdGenerator.random(), Clock.systemUTC());
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  {
    repository.readingCustomValuesFrom(values);
  }

  @BeforeEach
  void workspaceWithItsDefaultPipeline() {
    Workspace w = aWorkspace();
    tx.inWorkspace(w.id(), () -> {
      workspaces.insert(w);
      memberships.insert(w.id(), member.account(), Role.MEMBER, w.createdAt());
      new DefaultPipelineInitializer(pipelines, IdGenerator.random(), Clock.systemUTC()).initialize(w.id());
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

  private Deal create(String title, Map<String, Object> custom) {
    return deals.create().create(member, WithCustom.of(new Validator(), ws,
        CreateDealCommand.of(ws, title, null, null, null, null, null, null), custom));
  }

  private Deal patch(Deal deal, long version, Map<String, Object> custom) {
    Validator v = new Validator();
    return deals.update().update(member, WithCustom.of(v, ws, UpdateDealCommand.of(v, ws, deal.id(),
        OptionalLong.of(version), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent()), custom));
  }

  private List<Deal> all() {
    return deals.list().list(member, ws, ListQuery.first(DealListing.OFFER, 50)).items();
  }

  @Test
  void givenCustomValues_whenCreatedAndPatched_thenStoredWithTheDeal_nullClearsAKey_andAnAbsentKeyStays() {
    field(ObjectType.DEAL, "budget", CustomFieldType.CURRENCY);
    field(ObjectType.DEAL, "channels", CustomFieldType.MULTI_SELECT);
    Deal fleet = create("Fleet", Map.of("budget", Map.of("amount", "12.5", "currency", "EUR"),
        "channels", List.of("silver", "gold")));

    assertThat(fleet.custom().values()).containsOnlyKeys(new FieldKey("budget"), new FieldKey("channels"));
    assertThat(fleet.custom().get(new FieldKey("budget")).orElseThrow().value()).isEqualTo(Money.of("12.50", "EUR"));
    assertThat(deals.get().get(member, ws, fleet.id())).isEqualTo(fleet);
    assertThat(deals.get().get(member, ws, fleet.id()).custom()).isEqualTo(fleet.custom());
    assertThat(all()).singleElement().satisfies(d -> assertThat(d.custom()).isEqualTo(fleet.custom()));

    Map<String, Object> clear = new HashMap<>();
    clear.put("budget", null);
    Deal changed = patch(fleet, 1, clear);
    assertThat(changed.version()).as("a changed value is a new version").isEqualTo(2);
    assertThat(changed.custom().values()).containsOnlyKeys(new FieldKey("channels"));
    assertThat(deals.get().get(member, ws, fleet.id())).isEqualTo(changed);

    assertThat(patch(fleet, 2, Map.of("channels", List.of("gold", "silver"))).version())
        .as("the same options in another order change nothing").isEqualTo(2);
  }

  @Test
  void givenBadBuiltInReferencesAndCustomFields_thenOneExceptionNamesThemAll_andNothingIsStored() {
    field(ObjectType.DEAL, "source", CustomFieldType.SINGLE_SELECT);
    field(ObjectType.COMPANY, "employees", CustomFieldType.NUMBER);
    Validator v = new Validator();
    CreateDealCommand bad = CreateDealCommand.of(v, ws, "", null, null, null, "31.12.2026", null, null);
    assertThatThrownBy(() -> deals.create().create(member, WithCustom.of(v, ws, bad,
        Map.of("source", "radio", "employees", 3))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactlyInAnyOrder("title", "expectedCloseDate", "custom/source", "custom/employees"));
    Validator ok = new Validator();
    CreateDealCommand unknownCompany = CreateDealCommand.of(ok, ws, "Fleet", null, null, null, null,
        UUID.randomUUID().toString(), null);
    assertThatThrownBy(() -> deals.create().create(member, WithCustom.of(ok, ws, unknownCompany,
        Map.of("source", 7))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::name)
            .containsExactlyInAnyOrder("companyId", "custom/source"));
    assertThat(all()).isEmpty();
  }

  @Test
  @DisplayName("DSR-04: a suppressed email or phone cannot come back as a deal's custom EMAIL or PHONE value")
  void suppressedIdentifiersAreRefusedAsCustomValues() {
    field(ObjectType.DEAL, "champion_email", CustomFieldType.EMAIL);
    field(ObjectType.DEAL, "champion_phone", CustomFieldType.PHONE);
    suppression.suppress(ws, new EmailAddress("gone@example.org"), Instant.EPOCH);
    suppression.suppress(ws, new PhoneNumber("+15550100000"), Instant.EPOCH);
    Deal fleet = create("Fleet", Map.of());

    assertThatThrownBy(() -> create("Other", Map.of("champion_email", "Gone@Example.org")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThatThrownBy(() -> patch(fleet, 1, Map.of("champion_phone", "+1 555 010 0000")))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
    assertThat(all()).containsExactly(fleet);
    assertThat(deals.get().get(member, ws, fleet.id()).custom().values()).isEmpty();
  }
}
