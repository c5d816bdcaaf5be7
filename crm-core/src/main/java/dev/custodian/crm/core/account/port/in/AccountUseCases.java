package dev.custodian.crm.core.account.port.in;

import dev.custodian.crm.core.account.PasswordPolicy;
import java.util.Objects;

/**
 * The account feature's in-ports, handed out together, with the password policy the commands are
 * validated against.
 */
public record AccountUseCases(PasswordPolicy passwordPolicy, SignUpUseCase signUp,
    VerifyEmailUseCase verifyEmail, ResendVerificationUseCase resendVerification,
    RequestPasswordResetUseCase requestPasswordReset, ResetPasswordUseCase resetPassword,
    GetProfileUseCase profile, UpdateProfileUseCase updateProfile) {

  public AccountUseCases {
    Objects.requireNonNull(passwordPolicy, "passwordPolicy");
    Objects.requireNonNull(signUp, "signUp");
    Objects.requireNonNull(verifyEmail, "verifyEmail");
    Objects.requireNonNull(resendVerification, "resendVerification");
    Objects.requireNonNull(requestPasswordReset, "requestPasswordReset");
    Objects.requireNonNull(resetPassword, "resetPassword");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(updateProfile, "updateProfile");
  }
}
