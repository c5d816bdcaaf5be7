package dev.custodian.crm.core.task.port.in;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.Times;
import dev.custodian.crm.core.task.TaskTitle;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of {@link CreateTaskUseCase}: a valid task for one workspace. Whether the assignee is a
 * member and the links name records of the workspace is checked when it is stored.
 */
public record CreateTaskCommand(WorkspaceId workspace, TaskTitle title, Optional<Body> body,
    Optional<Instant> dueAt, boolean done, Optional<AccountId> assignee, Links links) {

  public CreateTaskCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(links, "links");
  }

  /** Validates raw input into {@code v}; {@code null} when {@code v} holds any error. */
  public static CreateTaskCommand of(Validator v, WorkspaceId workspace, String title, String body, String dueAt,
      Boolean done, String assigneeId, List<String> contactIds, List<String> companyIds, List<String> dealIds) {
    TaskTitle validTitle = v.required("title", title, TaskTitle::new);
    Optional<Body> validBody = v.optional("body", body, Body::new);
    Optional<Instant> due = v.optional("dueAt", dueAt, Times::instant);
    Optional<AccountId> assignee = v.optional("assigneeId", assigneeId, id -> AccountId.of(Uuids.parse(id)));
    Links links = Links.of(v, contactIds, companyIds, dealIds, 0);
    return v.hasErrors() ? null : new CreateTaskCommand(workspace, validTitle, validBody, due,
        Boolean.TRUE.equals(done), assignee, links);
  }
}
