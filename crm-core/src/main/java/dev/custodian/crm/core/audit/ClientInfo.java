package dev.custodian.crm.core.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request came from, for the audit trail's sign-in events: the client's IP address and
 * user agent, as the HTTP adapter read them. Personal data: stored only encrypted (see
 * {@link PersonalFields}), never logged.
 */
public record ClientInfo(Optional<String> ip, Optional<String> userAgent) {

  /** A user agent longer than this is cut: it is evidence, not a payload. */
  public static final int MAX_USER_AGENT = 512;

  private static final ClientInfo UNKNOWN = new ClientInfo(Optional.empty(), Optional.empty());

  public ClientInfo {
    Objects.requireNonNull(ip, "ip");
    userAgent = Objects.requireNonNull(userAgent, "userAgent")
        .map(agent -> agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
  }

  public static ClientInfo of(String ip, String userAgent) {
    return new ClientInfo(Optional.ofNullable(ip).filter(s -> !s.isBlank()),
        Optional.ofNullable(userAgent).filter(s -> !s.isBlank()));
  }

  /** No client known (a library call, a job). */
  public static ClientInfo unknown() {
    return UNKNOWN;
  }

  @Override
  public String toString() {
    return "ClientInfo[***]";
  }
}
