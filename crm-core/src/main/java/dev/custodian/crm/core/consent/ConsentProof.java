package dev.custodian.crm.core.consent;

import dev.custodian.crm.core.common.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ledger entry keeps as proof (Art. 7(1)): the notice version the person saw (every grant
 * has one), when an opt-in was requested and confirmed, the client's address cut to its /24 (IPv4)
 * or /48 (IPv6) network at the edge, its user agent, and the request id if any. No contact id.
 */
public record ConsentProof(Optional<String> noticeVersion, Optional<Instant> optInRequestedAt,
    Optional<Instant> optInConfirmedAt, Optional<String> ipPrefix, Optional<String> userAgent,
    Optional<String> requestId) {

  public static final int NOTICE_VERSION_MAX = 100;
  public static final int USER_AGENT_MAX = 500;

  public ConsentProof {
    Objects.requireNonNull(noticeVersion, "noticeVersion");
    optInRequestedAt = Objects.requireNonNull(optInRequestedAt, "optInRequestedAt").map(Timestamps::micros);
    optInConfirmedAt = Objects.requireNonNull(optInConfirmedAt, "optInConfirmedAt").map(Timestamps::micros);
    Objects.requireNonNull(ipPrefix, "ipPrefix");
    userAgent = Objects.requireNonNull(userAgent, "userAgent")
        .map(agent -> agent.length() > USER_AGENT_MAX ? agent.substring(0, USER_AGENT_MAX) : agent);
    Objects.requireNonNull(requestId, "requestId");
  }

  /** No proof beyond the entry itself. */
  public static ConsentProof none() {
    return new ConsentProof(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** This proof with the given notice version. */
  public ConsentProof withNoticeVersion(String version) {
    return new ConsentProof(Optional.of(version), optInRequestedAt, optInConfirmedAt, ipPrefix, userAgent, requestId);
  }
}
