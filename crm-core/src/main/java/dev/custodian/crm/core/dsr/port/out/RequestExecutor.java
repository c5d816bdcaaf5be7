package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.RequestType;
import java.util.Map;
import java.util.Set;

/**
 * Out-port, the execution seam: gives a verified request of its {@link #types()} effect, inside the
 * execution's open workspace transaction (it commits with the completion, or nothing of it does).
 * crm-privacy holds one per right.
 */
public interface RequestExecutor {

  /** The request types this executor gives effect to. */
  Set<RequestType> types();

  /**
   * Gives the request effect for {@code actor} (the use cases it calls join the open transaction).
   *
   * @return how many records each store changed, by an identifier (the audit entry's counts)
   * @throws dev.custodian.crm.core.common.error.CrmException as the use case it calls would (a
   *     rectification's invalid or suppressed email: the request stays as it was)
   */
  Map<String, Integer> execute(Actor actor, DataSubjectRequest request);
}
