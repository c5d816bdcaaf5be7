package dev.custodian.crm.core.audit;

import java.util.Locale;

/** What an entry records: a closed list; each action belongs to one kind of chain. */
public enum AuditAction {
  // the platform chain
  WORKSPACE_CREATED(true, false),
  SIGN_IN_SUCCEEDED(true, true),
  SIGN_IN_FAILED(true, true),
  SIGN_IN_THROTTLED(true, true),
  SIGNED_OUT(true, true),
  PASSWORD_CHANGED(true, false),
  PASSWORD_RESET(true, false),
  EMAIL_VERIFIED(true, false),
  TOKEN_REUSE_DETECTED(true, false),
  /** A real run of the retention engine, with the rows it deleted per data class as {@code count.<class>}. */
  RETENTION_RUN(true, false),
  /** An account downloaded its own data ({@code GET /api/v1/me/export}). */
  ACCOUNT_DATA_EXPORTED(true, false),
  // a workspace's chain
  MEMBER_ROLE_CHANGED(false, false),
  MEMBER_REMOVED(false, false),
  MEMBER_LEFT(false, false),
  INVITATION_CREATED(false, false),
  INVITATION_REVOKED(false, false),
  INVITATION_ACCEPTED(false, false),
  API_KEY_CREATED(false, false),
  API_KEY_REVOKED(false, false),
  CONTACT_DELETED(false, false),
  CONTACT_ERASED(false, false),
  COMPANY_DELETED(false, false),
  PIPELINE_DELETED(false, false),
  STAGE_DELETED(false, false),
  DEAL_DELETED(false, false),
  AUDIT_EXPORTED(false, false),
  CUSTOM_FIELD_CREATED(false, false),
  CUSTOM_FIELD_CHANGED(false, false),
  CUSTOM_FIELD_DELETED(false, false),
  // consent (issue 26): ids, counts and enum names only; never an address
  PURPOSE_CREATED(false, false),
  PURPOSE_CHANGED(false, false),
  PURPOSE_RETIRED(false, false),
  CONSENT_RECORDED(false, false),
  OPT_IN_REQUESTED(false, false),
  RESTRICTION_SET(false, false),
  RESTRICTION_LIFTED(false, false),
  PROOF_QUERIED(false, false),
  MARKETING_QUEUED(false, false),
  // the workspace lifecycle (issue 29)
  WORKSPACE_CANCELLED(false, false),
  WORKSPACE_REACTIVATED(false, false),
  /** An OWNER's delete-now (its purge follows in the same transaction). */
  WORKSPACE_DELETED_NOW(false, false),
  /** A workspace's data deleted, with the rows deleted per table as {@code count.<table>}. */
  WORKSPACE_PURGED(false, false),
  // import and export (issue 27)
  WORKSPACE_EXPORTED(false, false),
  // data-subject packages (issue 28): ids and a reason only
  /** A package downloaded (its one download), then deleted. */
  SUBJECT_PACKAGE_DOWNLOADED(false, false),
  /** A package deleted undownloaded at its expiry. */
  SUBJECT_PACKAGE_DELETED(false, false),
  // data-subject requests (issue 28): ids, types, states and counts only; never an address
  PRIVACY_REQUEST_RECEIVED(false, false),
  PRIVACY_REQUEST_VERIFIED(false, false),
  PRIVACY_REQUEST_STARTED(false, false),
  PRIVACY_REQUEST_EXTENDED(false, false),
  /** A request executed and completed, with the records changed per store as {@code count.<store>}. */
  PRIVACY_REQUEST_EXECUTED(false, false),
  PRIVACY_REQUEST_REJECTED(false, false),
  PRIVACY_REQUEST_CANCELLED(false, false),
  /** A public request's emailed code was queued (on intake, or re-sent); never the code. */
  PRIVACY_REQUEST_CODE_SENT(false, false);

  private final boolean platform;
  private final boolean signIn;

  AuditAction(boolean platform, boolean signIn) {
    this.platform = platform;
    this.signIn = signIn;
  }

  /** On the platform chain (else on a workspace's). */
  public boolean platform() {
    return platform;
  }

  /** A sign-in event, listed to its account by its login events. */
  public boolean signIn() {
    return signIn;
  }

  /** The stored and wire name, e.g. {@code contact_deleted}; part of the canonical encoding, never renamed. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static java.util.Optional<AuditAction> fromLabel(String label) {
    for (AuditAction action : values()) {
      if (action.label().equals(label)) {
        return java.util.Optional.of(action);
      }
    }
    return java.util.Optional.empty();
  }
}
