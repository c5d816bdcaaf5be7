package dev.custodian.crm.core.dsr;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a request's history, append-only: the step and when it happened, and who took it
 * ({@code account:<id>}, {@code api-key:<id>}, {@code anonymous}); no free text, so an erasure leaves
 * it as it is.
 */
public record RequestEvent(WorkspaceId workspace, UUID id, DataSubjectRequestId request, RequestEventKind kind,
    Instant occurredAt, String actor) {

  public RequestEvent {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
  }
}
