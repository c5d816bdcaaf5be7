package dev.custodian.crm.http.task;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.link.Body;
import dev.custodian.crm.core.task.Task;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it; links as sorted id arrays. */
record TaskResponse(UUID id, UUID workspaceId, String title, String body, Instant dueAt, boolean done,
    Instant doneAt, UUID assigneeId, List<UUID> contactIds, List<UUID> companyIds, List<UUID> dealIds,
    Instant createdAt, Instant updatedAt, long version) {

  static TaskResponse from(Task task) {
    return new TaskResponse(
        task.id().value(),
        task.workspace().value(),
        task.title().value(),
        task.body().map(Body::value).orElse(null),
        task.dueAt().orElse(null),
        task.done(),
        task.doneAt().orElse(null),
        task.assignee().map(AccountId::value).orElse(null),
        task.links().contacts().stream().map(c -> c.value()).sorted().toList(),
        task.links().companies().stream().map(c -> c.value()).sorted().toList(),
        task.links().deals().stream().map(d -> d.value()).sorted().toList(),
        task.createdAt(),
        task.updatedAt(),
        task.version());
  }
}
