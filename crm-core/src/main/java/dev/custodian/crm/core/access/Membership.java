package dev.custodian.crm.core.access;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;

/** An account's membership of a workspace: its role, and when it joined. */
public record Membership(WorkspaceId workspace, AccountId account, Role role, Instant joinedAt) {

  public Membership {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(role, "role");
    joinedAt = Timestamps.micros(Objects.requireNonNull(joinedAt, "joinedAt"));
  }
}
