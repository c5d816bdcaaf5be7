package dev.custodian.crm.core.task;

import static dev.custodian.crm.core.contact.ContactFixtures.aContact;
import static dev.custodian.crm.core.workspace.WorkspaceFixtures.aWorkspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.port.in.ActivityUseCases;
import dev.custodian.crm.core.activity.port.in.CreateActivityCommand;
import dev.custodian.crm.core.activity.port.in.UpdateActivityCommand;
import dev.custodian.crm.core.activity.service.ActivityServices;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.InMemorySuppressionList;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.service.ContactServices;
import dev.custodian.crm.core.task.port.in.CreateTaskCommand;
import dev.custodian.crm.core.task.port.in.TaskUseCases;
import dev.custodian.crm.core.task.service.TaskServices;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.TestGates;
import dev.custodian.crm.core.workspace.Workspace;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The activity and task use cases on the in-memory fakes: permissions, checks reported at once, plain deletes. */
class ActivityAndTaskServicesTest {

  private final InMemoryPersistence p = new InMemoryPersistence();
  private final WorkspaceTransactions inWorkspace = TestGates.workspaceTransactions(p.transactions(), p.memberships());
  private final Clock clock = Clock.systemUTC();
  private final ActivityUseCases activities =
      ActivityServices.create(inWorkspace, p.activities(), p.linkTargets(), IdGenerator.random(), clock);
  private final TaskUseCases tasks = TaskServices.create(inWorkspace, p.tasks(), p.linkTargets(),
      (workspace, account) -> p.memberships().roleOf(workspace, account).isPresent(), IdGenerator.random(), clock);
  private final ContactUseCases contacts = ContactServices.create(inWorkspace, p.contacts(),
      new InMemorySuppressionList(), List.of(p.activities(), p.tasks()), IdGenerator.random(), clock);
  private final Actor member = Actor.account(AccountId.of(UUID.randomUUID()));
  private final Actor viewer = Actor.account(AccountId.of(UUID.randomUUID()));
  private WorkspaceId ws;
  private WorkspaceId other;

  @BeforeEach
  void workspacesWithTheirMembers() {
    ws = workspaceOf(Map.of(member, Role.MEMBER, viewer, Role.VIEWER));
    other = workspaceOf(Map.of(member, Role.MEMBER));
  }

  private WorkspaceId workspaceOf(Map<Actor, Role> roles) {
    Workspace w = aWorkspace();
    p.transactions().inPlatform(() -> {
      p.workspaces().insert(w);
      roles.forEach((actor, role) -> p.memberships().insert(w.id(), actor.account(), role, w.createdAt()));
      return null;
    });
    return w.id();
  }

  private Contact contact(WorkspaceId workspace) {
    Contact contact = aContact(workspace);
    p.transactions().inWorkspace(workspace, () -> {
      p.contacts().insert(contact);
      return null;
    });
    return contact;
  }

  private static CreateActivityCommand call(WorkspaceId workspace, Contact... linked) {
    Validator v = new Validator();
    CreateActivityCommand command = CreateActivityCommand.of(v, workspace, "call", "Renewal", null,
        "2026-01-31T12:00:00Z", "PT30M", java.util.Arrays.stream(linked).map(c -> c.id().value().toString()).toList(),
        null, null);
    v.throwIfInvalid();
    return command;
  }

  private static CreateTaskCommand task(WorkspaceId workspace, String assignee, Contact... linked) {
    Validator v = new Validator();
    CreateTaskCommand command = CreateTaskCommand.of(v, workspace, "Follow up", null, null, null, assignee,
        java.util.Arrays.stream(linked).map(c -> c.id().value().toString()).toList(), null, null);
    v.throwIfInvalid();
    return command;
  }

  @Test
  void givenAViewer_whenWriting_thenForbidden_butReadingIsAllowed() {
    Activity activity = activities.create().create(member, call(ws, contact(ws)));
    assertThatThrownBy(() -> activities.create().create(viewer, call(ws, contact(ws))))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> tasks.create().create(viewer, task(ws, null))).isInstanceOf(ForbiddenException.class);
    assertThat(activities.get().get(viewer, ws, activity.id())).isEqualTo(activity);
  }

  @Test
  void givenAStrangerAsAssigneeAndAnotherWorkspacesContact_thenBothAreNamedInOneError_andNothingIsStored() {
    assertThatThrownBy(() -> tasks.create().create(member, task(ws, UUID.randomUUID().toString(), contact(other))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactlyInAnyOrder("assigneeId", "contactIds"));
    Task assigned = tasks.create().create(member, task(ws, member.account().value().toString()));
    assertThat(assigned.assignee()).contains(member.account());
    assertThatThrownBy(() -> tasks.create().create(member, task(other, viewer.account().value().toString())))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void givenACallPatchedToANoteKeepingItsDuration_thenTheDurationIsNamed() {
    Activity activity = activities.create().create(member, call(ws, contact(ws)));
    UpdateActivityCommand toNote = UpdateActivityCommand.of(new Validator(), ws, activity.id(), OptionalLong.of(1),
        PatchValue.set("note"), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(), PatchValue.absent(),
        PatchValue.absent(), PatchValue.absent(), PatchValue.absent());
    assertThatThrownBy(() -> activities.update().update(member, toNote))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::name).containsExactly("duration"));
  }

  @Test
  void givenAContactDeleted_thenItsActivityWithoutOtherLinksGoes_andItsTaskStays() {
    Contact contact = contact(ws);
    Activity activity = activities.create().create(member, call(ws, contact));
    Task task = tasks.create().create(member, task(ws, null, contact));
    contacts.delete().delete(member, new DeleteContactCommand(ws, contact.id(), OptionalLong.empty()));
    assertThatThrownBy(() -> activities.get().get(member, ws, activity.id())).isInstanceOf(NotFoundException.class);
    assertThat(tasks.get().get(member, ws, task.id()).links().isEmpty()).isTrue();
  }
}
