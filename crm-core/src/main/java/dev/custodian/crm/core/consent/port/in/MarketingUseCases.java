package dev.custodian.crm.core.consent.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.consent.ConsentProof;

/** Use cases: marketing mail to the contacts a purpose allows (ADMIN), CON-02. */
public interface MarketingUseCases {

  /**
   * Queues the mail for every contact the purpose allows now (the guard is asked again when each
   * goes out); the outbox rows name the mail, the workspace and the contact, never an address.
   *
   * @return how many were queued
   * @throws dev.custodian.crm.core.common.error.ValidationException ({@code purpose}) for a purpose
   *     the workspace did not declare
   */
  int queue(Actor actor, QueueMarketingMailCommand command);

  /**
   * The person's one-click unsubscribe through a mail's link (no account: {@code ANONYMOUS}):
   * records WITHDRAWN on a consent purpose, OBJECTED on another, before it returns (nothing when
   * already so). A contact that is gone answers alike.
   *
   * @param edge what the edge knows of the request (client network, user agent)
   * @param clientIp the client's address: defective tokens are counted per address, valid ones never
   * @throws dev.custodian.crm.core.common.error.NotFoundException for a token with any defect (one
   *     answer for all)
   * @throws dev.custodian.crm.core.common.error.RateLimitedException past the limit of defects
   */
  void unsubscribe(String token, ConsentProof edge, String clientIp);

  /**
   * Checks the token as {@link #unsubscribe} would, recording nothing (the page that shows the
   * button).
   *
   * @throws dev.custodian.crm.core.common.error.NotFoundException as {@link #unsubscribe}
   */
  void checkUnsubscribe(String token, String clientIp);
}
