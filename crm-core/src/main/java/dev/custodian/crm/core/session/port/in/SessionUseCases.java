package dev.custodian.crm.core.session.port.in;

import dev.custodian.crm.core.account.PasswordPolicy;
import java.util.Objects;

/** The session feature's in-ports, handed out together, with the policy a new password must meet. */
public record SessionUseCases(PasswordPolicy passwordPolicy, SignInUseCase signIn,
    AuthenticateUseCase authenticate, SignOutUseCase signOut, ChangePasswordUseCase changePassword,
    ReauthenticateUseCase reauthenticate) {

  public SessionUseCases {
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    Objects.requireNonNull(signIn, "signIn");
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(signOut, "signOut");
    Objects.requireNonNull(changePassword, "changePassword");
    Objects.requireNonNull(reauthenticate, "reauthenticate");
  }
}
