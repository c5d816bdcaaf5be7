package dev.custodian.crm.core.mail;

import java.time.Duration;

/** What a mail token proves when it comes back, with the prefix its tokens carry. */
public enum MailTokenPurpose {
  VERIFY_EMAIL("vrf_"),
  PASSWORD_RESET("rst_");

  /** The longest a mail token may live (ACC-05, ACC-10); shorter is allowed. */
  public static final Duration MAX_TTL = Duration.ofHours(1);

  private final String tokenPrefix;

  MailTokenPurpose(String tokenPrefix) {
    this.tokenPrefix = tokenPrefix;
  }

  /** The prefix of this purpose's tokens, so a token pasted into the wrong form is recognisable. */
  public String tokenPrefix() {
    return tokenPrefix;
  }
}
