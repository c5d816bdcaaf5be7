package dev.custodian.crm.core.customfield;

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
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.port.in.CreateCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.core.customfield.port.in.DeleteCustomFieldCommand;
import dev.custodian.crm.core.customfield.port.in.NewOption;
import dev.custodian.crm.core.customfield.port.in.UpdateCustomFieldCommand;
import dev.custodian.crm.core.customfield.service.CustomFieldServices;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.InMemoryWorkspaceRepository;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom field definition use cases on the in-memory fakes: roles, limits, options kept by key. */
class CustomFieldServicesTest {

  private final InMemoryTransactions tx = new InMemoryTransactions();
  private final InMemoryMembershipRepository memberships = new InMemoryMembershipRepository(tx);
  private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(tx, memberships);
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(tx, memberships);
  private final CustomFieldUseCases fields = CustomFieldServices.create(inWorkspace,
      new InMemoryCustomFieldRepository(tx), IdGenerator.random(), Clock.systemUTC());
  private final Actor admin = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;

  @BeforeEach
  void workspace() {
    Workspace w = aWorkspace();
    tx.inWorkspace(w.id(), () -> {
      workspaces.insert(w);
      memberships.insert(w.id(), admin.account(), Role.ADMIN, w.createdAt());
      memberships.insert(w.id(), member.account(), Role.MEMBER, w.createdAt());
      memberships.insert(w.id(), viewer.account(), Role.VIEWER, w.createdAt());
      return null;
    });
    ws = w.id();
  }

  private CreateCustomFieldCommand tier(String key) {
    return CreateCustomFieldCommand.of(ws, ObjectType.CONTACT, key, "single_select", "Tier", true,
        List.of(new NewOption.Raw("gold", "Gold"), new NewOption.Raw("silver", "Silver")));
  }

  private UpdateCustomFieldCommand options(CustomField field, long version, NewOption.Raw... options) {
    return UpdateCustomFieldCommand.of(new Validator(), ws, field.objectType(), field.id(), OptionalLong.of(version),
        PatchValue.absent(), PatchValue.absent(), PatchValue.set(List.of(options)));
  }

  @Test
  void adminsDefine_everyMemberReads_membersAndViewersMayNotDefine() {
    CustomField field = fields.create().create(admin, tier("tier"));
    assertThat(fields.get().get(viewer, ws, ObjectType.CONTACT, field.id())).isEqualTo(field);
    assertThat(fields.list().list(member, ws, ObjectType.CONTACT)).containsExactly(field);
    assertThatThrownBy(() -> fields.create().create(member, tier("other"))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> fields.delete().delete(viewer, DeleteCustomFieldCommand.of(ws, ObjectType.CONTACT,
        field.id(), OptionalLong.of(1)))).isInstanceOf(ForbiddenException.class);
    assertThat(fields.list().list(admin, ws, ObjectType.CONTACT)).containsExactly(field);
  }

  @Test
  void aDefinitionIsFoundOnlyUnderItsObjectType() {
    CustomField field = fields.create().create(admin, tier("tier"));
    assertThatThrownBy(() -> fields.get().get(admin, ws, ObjectType.DEAL, field.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> fields.delete().delete(admin, DeleteCustomFieldCommand.of(ws, ObjectType.COMPANY,
        field.id(), OptionalLong.of(1)))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void optionsAreReplacedByKey_keepingTheIdsOfKeysThatStay() {
    CustomField field = fields.create().create(admin, tier("tier"));
    FieldOptionId gold = field.options().get(0).id();
    CustomField changed = fields.update().update(admin, options(field, 1, new NewOption.Raw("bronze", "Bronze"),
        new NewOption.Raw("gold", "Golden")));
    assertThat(changed.version()).isEqualTo(2);
    assertThat(changed.options()).extracting(o -> o.key().value()).containsExactly("bronze", "gold");
    assertThat(changed.options().get(1).id()).isEqualTo(gold);
    assertThat(changed.options().get(1).label().value()).isEqualTo("Golden");
    assertThatThrownBy(() -> fields.update().update(admin, options(field, 1, new NewOption.Raw("gold", "Gold"))))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(fields.update().update(admin, options(changed, 2, new NewOption.Raw("bronze", "Bronze"),
        new NewOption.Raw("gold", "Golden")))).as("no change, no new version").isEqualTo(changed);
  }

  @Test
  void optionsOfANonSelectField_orNoneForASelectField_areRefusedByName() {
    CustomField text = fields.create().create(admin, CreateCustomFieldCommand.of(ws, ObjectType.DEAL, "note", "text",
        "Note", null, null));
    CustomField select = fields.create().create(admin, tier("tier"));
    assertThatThrownBy(() -> fields.update().update(admin, options(text, 1, new NewOption.Raw("a", "A"))))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("options"));
    assertThatThrownBy(() -> fields.update().update(admin, options(select, 1)))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("options"));
  }

  @Test
  void anObjectTypeHoldsAtMost100Definitions() {
    for (int i = 0; i < CustomField.MAX_PER_OBJECT_TYPE; i++) {
      fields.create().create(admin, CreateCustomFieldCommand.of(ws, ObjectType.COMPANY, "f" + i, "boolean", "F", null, null));
    }
    assertThatThrownBy(() -> fields.create().create(admin, CreateCustomFieldCommand.of(ws, ObjectType.COMPANY, "f100",
        "boolean", "F", null, null))).isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.LIMIT_REACHED));
    fields.create().create(admin, CreateCustomFieldCommand.of(ws, ObjectType.DEAL, "f100", "boolean", "F", null, null));
  }
}
