package dev.custodian.crm.http;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.UnauthenticatedException;
import dev.custodian.crm.core.session.SessionId;
import dev.custodian.crm.core.session.port.in.AuthenticateUseCase;
import dev.custodian.crm.core.session.port.in.Authentication;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Test fake: a session check that admits one fixed token, for HTTP tests without a database. */
final class TestSessions {

  /** The one token admitted: shaped like a real one. */
  static final String TOKEN = "ses_" + "A".repeat(43);
  /** The {@code Cookie} header that carries it. */
  static final String COOKIE = "__Host-crm_session=" + TOKEN;

  private TestSessions() {}

  /** A session check admitting {@link #TOKEN} on the account's own routes. */
  static HttpApi.Credentials credentials() {
    return new HttpApi.Credentials(admittingOneToken());
  }

  static AuthenticateUseCase admittingOneToken() {
    AccountId account = new AccountId(UUID.randomUUID());
    return token -> {
      if (!TOKEN.equals(token)) {
        throw new UnauthenticatedException("sign in first");
      }
      return new Authentication(account, new SessionId(UUID.randomUUID()), Instant.parse("2100-01-01T00:00:00Z"),
          Optional.empty());
    };
  }
}
