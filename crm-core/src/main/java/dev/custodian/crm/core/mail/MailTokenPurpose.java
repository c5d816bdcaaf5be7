package dev.custodian.crm.core.mail;

import java.time.Duration;

/**
 * What a mail token proves when it comes back, with the prefix its tokens carry and the longest
 * it may live. The recipient a token is issued for is an account, or, for an invitation, the
 * invitation (the invited address may have no account yet).
 */
public enum MailTokenPurpose {
  VERIFY_EMAIL("vrf_", Duration.ofHours(1)),
  PASSWORD_RESET("rst_", Duration.ofHours(1)),
  INVITATION("inv_", Duration.ofDays(7)),
  /**
   * A workspace contact's double opt-in (CON-01): stored as its hash with the confirmation request
   * in the workspace's own table, not in the platform's token store; the token carries its
   * workspace (see {@code ConfirmationToken}).
   */
  CONSENT_CONFIRMATION("cnf_", Duration.ofDays(7)),
  /**
   * A data-subject package's one-time download (issue 28 item 7): stored as its SHA-256 with the
   * package, not in the platform's token store; lives as long as the package
   * ({@code CRM_DSR_DOWNLOAD_TTL}, up to 30 days).
   */
  PRIVACY_DOWNLOAD("dsr_", Duration.ofDays(30));

  /** The longest an account mail's token may live (ACC-05, ACC-10); shorter is allowed. */
  public static final Duration MAX_TTL = Duration.ofHours(1);

  private final String tokenPrefix;
  private final Duration maxTtl;

  MailTokenPurpose(String tokenPrefix, Duration maxTtl) {
    this.tokenPrefix = tokenPrefix;
    this.maxTtl = maxTtl;
  }

  /** The longest a token of this purpose may live; configuration may shorten it, never lengthen it. */
  public Duration maxTtl() {
    return maxTtl;
  }

  /** The prefix of this purpose's tokens, so a token pasted into the wrong form is recognisable. */
  public String tokenPrefix() {
    return tokenPrefix;
  }
}
