package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Times;
import dev.custodian.crm.core.task.TaskId;
import dev.custodian.crm.core.task.TaskTitle;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateTaskUseCase}: a partial change of one task (JSON merge patch), based on the
 * version the caller last saw. The title and done can be set, not cleared; a list of ids given
 * replaces that kind of link ({@code null} clears it).
 */
public record UpdateTaskCommand(WorkspaceId workspace, TaskId id, long expectedVersion, PatchValue<TaskTitle> title,
    PatchValue<Body> body, PatchValue<Instant> dueAt, PatchValue<Boolean> done, PatchValue<AccountId> assignee,
    PatchValue<List<String>> contactIds, PatchValue<List<String>> companyIds, PatchValue<List<String>> dealIds) {

  public UpdateTaskCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(done, "done");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(contactIds, "contactIds");
    Objects.requireNonNull(companyIds, "companyIds");
    Objects.requireNonNull(dealIds, "dealIds");
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error.
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no version is given
   */
  public static UpdateTaskCommand of(Validator v, WorkspaceId workspace, TaskId id, OptionalLong expectedVersion,
      PatchValue<String> title, PatchValue<String> body, PatchValue<String> dueAt, PatchValue<Boolean> done,
      PatchValue<String> assigneeId, PatchValue<List<String>> contactIds, PatchValue<List<String>> companyIds,
      PatchValue<List<String>> dealIds) {
    PatchValue<TaskTitle> validTitle = v.patch("title", title, false, TaskTitle::new);
    PatchValue<Body> validBody = v.patch("body", body, true, Body::new);
    PatchValue<Instant> due = v.patch("dueAt", dueAt, true, Times::instant);
    PatchValue<Boolean> validDone = v.patch("done", done, false, d -> d);
    PatchValue<AccountId> assignee = v.patch("assigneeId", assigneeId, true, a -> AccountId.of(Uuids.parse(a)));
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("task");
    }
    return new UpdateTaskCommand(workspace, id, expectedVersion.getAsLong(), validTitle, validBody, due, validDone,
        assignee, contactIds, companyIds, dealIds);
  }
}
