package dev.custodian.crm.http.deal;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.deal.StageChange;
import dev.custodian.crm.core.deal.StageSnapshot;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a deal's stage history as the API shows it.
 *
 * @param from left out for the deal's creation
 * @param actorId the account the change was made for
 */
record StageChangeResponse(UUID id, StageRef from, StageRef to, Instant changedAt, UUID actorId) {

  /** A stage with its name and kind as they were then. */
  record StageRef(UUID id, String name, String kind) {

    static StageRef from(StageSnapshot stage) {
      return new StageRef(stage.id().value(), stage.name().value(), stage.kind().apiName());
    }
  }

  static StageChangeResponse from(StageChange change) {
    return new StageChangeResponse(change.id(), change.from().map(StageRef::from).orElse(null),
        StageRef.from(change.to()), change.at(), change.actor().map(AccountId::value).orElse(null));
  }
}
