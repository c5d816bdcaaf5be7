package dev.custodian.crm.core.mail;

import java.time.Instant;
import java.util.Objects;

/**
 * What a workspace lifecycle mail names (DSR-05): the workspace's name and when it is purged; no
 * CRM data.
 */
public record WorkspaceNotice(String workspaceName, Instant purgeAt) {

  public WorkspaceNotice {
    Objects.requireNonNull(workspaceName, "workspaceName");
    Objects.requireNonNull(purgeAt, "purgeAt");
  }
}
