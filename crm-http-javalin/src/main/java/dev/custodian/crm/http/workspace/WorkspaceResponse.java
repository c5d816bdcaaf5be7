package dev.custodian.crm.http.workspace;

import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace as the API shows it.
 *
 * @param status {@code active}, {@code cancelled} or {@code purged}
 * @param cancelledAt only when cancelled (left out of the JSON otherwise)
 * @param purgeAt only when cancelled: when its data is purged, 30 days after {@code cancelledAt}
 */
record WorkspaceResponse(
    UUID id, String name, String slug, String status, Instant cancelledAt, Instant purgeAt, Instant createdAt) {

  static WorkspaceResponse from(Workspace workspace) {
    WorkspaceStatus status = workspace.status();
    Instant cancelledAt = null;
    Instant purgeAt = null;
    String statusName;
    if (status instanceof WorkspaceStatus.Cancelled) {
      statusName = "cancelled";
      cancelledAt = ((WorkspaceStatus.Cancelled) status).cancelledAt();
      purgeAt = ((WorkspaceStatus.Cancelled) status).purgeAt();
    } else if (status instanceof WorkspaceStatus.Purged) {
      statusName = "purged";
    } else {
      statusName = "active";
    }
    return new WorkspaceResponse(
        workspace.id().value(),
        workspace.name().value(),
        workspace.slug().value(),
        statusName,
        cancelledAt,
        purgeAt,
        workspace.createdAt());
  }
}
