package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.AccountId;
import java.util.Objects;

/**
 * What a right email and password lead to: a session, or, once an account can have a second
 * factor, a request for it (no session yet).
 */
public sealed interface SignInOutcome {

  AccountId account();

  /** Signed in: a new session. */
  record SignedIn(AccountId account, IssuedSession session) implements SignInOutcome {
    public SignedIn {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(session, "session");
    }
  }

  /** The password was right, and the account's second factor must follow before a session starts. */
  record SecondFactorRequired(AccountId account) implements SignInOutcome {
    public SecondFactorRequired {
      Objects.requireNonNull(account, "account");
    }
  }
}
