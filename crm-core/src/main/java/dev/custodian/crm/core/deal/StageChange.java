package dev.custodian.crm.core.deal;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of a deal's stage history: its creation (no {@code from}) or a move from one stage to
 * another, when, and by whom. Written in the transaction that creates or moves the deal.
 *
 * @param actor the account the change was made for (a key's creator for an API key)
 */
public record StageChange(WorkspaceId workspace, UUID id, DealId deal, Optional<StageSnapshot> from,
    StageSnapshot to, Instant at, Optional<AccountId> actor) {

  public StageChange {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deal, "deal");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    at = Timestamps.micros(Objects.requireNonNull(at, "at"));
    Objects.requireNonNull(actor, "actor");
  }
}
