package dev.custodian.crm.core.session;

/** Why a session ended before its expiry. */
public enum RevocationReason {
  /** Its holder signed out. */
  SIGNED_OUT,
  /** The account's password was changed or reset: every session of the account ends (ACC-07). */
  PASSWORD_CHANGED,
  /** A replaced token came back after its grace period: it may have been stolen (ACC-07). */
  TOKEN_REUSED
}
