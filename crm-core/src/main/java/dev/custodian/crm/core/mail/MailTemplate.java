package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.common.EmailAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every mail the product sends, a closed list (CON-05): a plain-text subject and body with exactly
 * one link, under the public base URL. A template that carries a token puts it only in the link's
 * fragment, which browsers do not send to servers nor put in logs or {@code Referer} headers.
 */
public enum MailTemplate {

  /** After sign-up or on request: confirms the address with a {@link MailTokenPurpose#VERIFY_EMAIL} token. */
  VERIFY_EMAIL(
      "Confirm your email address",
      "/verify-email",
      MailTokenPurpose.VERIFY_EMAIL,
      """
      Hello,

      please confirm the email address of your Custodian CRM account by opening this link:

      %s

      The link works once and expires within the hour. If you did not sign up, ignore this mail:
      nothing happens without the link.
      """),

  /** On request: sets a new password with a {@link MailTokenPurpose#PASSWORD_RESET} token. */
  PASSWORD_RESET(
      "Reset your password",
      "/password-reset",
      MailTokenPurpose.PASSWORD_RESET,
      """
      Hello,

      someone asked to reset the password of your Custodian CRM account. To choose a new one,
      open this link:

      %s

      The link works once and expires within the hour. If you did not ask for it, ignore this
      mail: your password stays as it is.
      """),

  /** An invitation to join a workspace, with an {@link MailTokenPurpose#INVITATION} token for the invited address. */
  INVITATION(
      "You are invited to a Custodian CRM workspace",
      "/accept-invitation",
      MailTokenPurpose.INVITATION,
      """
      Hello,

      a member of a Custodian CRM workspace invited you to join it. To accept, sign in (or sign up)
      with this email address and open this link:

      %s

      The link works once and expires within a week. If you do not want to join, ignore this mail.
      """),

  /** A sign-up with an address that already has an account: no token, a way to the reset page. */
  ACCOUNT_EXISTS(
      "You already have an account",
      "/password-reset",
      null,
      """
      Hello,

      someone tried to sign up to Custodian CRM with this email address, which already has an
      account. Nothing was changed. If it was you and you forgot your password, you can reset it
      here:

      %s

      If it was not you, ignore this mail.
      """),

  /**
   * A critical service notice to each OWNER when a workspace is cancelled (DSR-05): its name, when
   * it is purged, a link; no CRM data.
   */
  WORKSPACE_CANCELLED(
      "Your workspace was cancelled",
      "/workspaces",
      null,
      """
      Hello,

      the Custodian CRM workspace "%s" was cancelled. Its data stays readable, but cannot be
      changed, until %s; then it is deleted for good. Until then, an owner can export it or
      reactivate the workspace here:

      %s
      """),

  /** A critical service notice to each OWNER 7 days before a cancelled workspace is purged (DSR-05). */
  WORKSPACE_PURGE_REMINDER(
      "Your cancelled workspace is deleted in 7 days",
      "/workspaces",
      null,
      """
      Hello,

      the cancelled Custodian CRM workspace "%s" and all its data are deleted for good at %s.
      Until then, an owner can export it or reactivate the workspace here:

      %s
      """),

  /**
   * Double opt-in (CON-01): asks a workspace's contact to confirm a grant, with a
   * {@link MailTokenPurpose#CONSENT_CONFIRMATION} token; sent on the workspace's behalf to the
   * contact its outbox row names (a {@link #toWorkspaceSubject() workspace subject}).
   */
  CONSENT_CONFIRMATION(
      "Please confirm your subscription",
      "/consent/confirm",
      MailTokenPurpose.CONSENT_CONFIRMATION,
      """
      Hello,

      an organisation using Custodian CRM asked to send you mail, and needs your confirmation
      first. To confirm, open this link:

      %s

      The link works once and expires within 7 days. If you do not want this mail, ignore this
      message: nothing is sent to you without your confirmation.
      """),

  /**
   * A data-subject request's deadline was extended (DSR-10): the new due time and the reason, on the
   * workspace's behalf to the request's address (a {@link #toWorkspaceSubject() workspace subject}:
   * the request).
   */
  PRIVACY_REQUEST_EXTENDED(
      "Your privacy request needs more time",
      "/privacy",
      null,
      """
      Hello,

      the organisation handling your privacy request needs more time to answer it:

      %s

      More about your rights and how to complain:

      %s
      """),

  /** A data-subject request was rejected: the reason, on the workspace's behalf to the request's address. */
  PRIVACY_REQUEST_REJECTED(
      "Your privacy request was not carried out",
      "/privacy",
      null,
      """
      Hello,

      the organisation handling your privacy request did not carry it out. Their reason:

      %s

      You may complain to a data protection authority. More about your rights:

      %s
      """),

  /**
   * An erasure request was carried out (DSR-15): sent once to the address, which the request held only
   * until this mail went.
   */
  PRIVACY_REQUEST_ERASED(
      "Your data was erased",
      "/privacy",
      null,
      """
      Hello,

      the organisation you asked to erase your data has done so: your records are deleted, and your
      address is kept only as a keyed fingerprint so that you are not added again.

      More about your rights:

      %s
      """),

  /**
   * A data-subject request made through the public intake: the single-use 6-digit code that proves
   * the requester holds the address (valid 10 minutes), minted when the mail is sent so that no
   * table holds it; on the workspace's behalf to the request's address (a
   * {@link #toWorkspaceSubject() workspace subject}: the request).
   */
  PRIVACY_REQUEST_CODE(
      "Your privacy request code",
      "/privacy",
      null,
      """
      Hello,

      a privacy request was made for this email address to an organisation using Custodian CRM.
      To confirm that it was you, enter this code where you made the request:

      %s

      The code works once and expires within 10 minutes. If you did not make this request, ignore
      this mail: nothing happens without the code.

      More about your rights:

      %s
      """),

  /**
   * An ACCESS or PORTABILITY request was answered (issue 28 item 7): the package's one-time download
   * link, with a {@link MailTokenPurpose#PRIVACY_DOWNLOAD} token minted when the mail is sent; on the
   * workspace's behalf to the request's address.
   */
  PRIVACY_REQUEST_COMPLETED(
      "Your data is ready to download",
      "/privacy-download",
      MailTokenPurpose.PRIVACY_DOWNLOAD,
      """
      Hello,

      the organisation handling your privacy request has put together a copy of your data. You
      can download it once, with this link:

      %s

      The link works once, and only for a limited time: then the copy is deleted. If you did not
      ask for your data, ignore this mail.
      """),

  /**
   * A contact's restriction of processing was lifted (DSR-07, Art. 18(3)): the person is told as it
   * is lifted, on the workspace's behalf to the contact's address.
   */
  PRIVACY_RESTRICTION_LIFTED(
      "The restriction of your data's processing ends",
      "/privacy",
      null,
      """
      Hello,

      the organisation that restricted the processing of your data at your request has lifted that
      restriction: it may process your data again as before.

      More about your rights, and how to complain to a data protection authority:

      %s
      """),

  /**
   * A workspace's marketing mail (CON-02) to a contact a purpose allows: the workspace's own
   * subject and text, then its postal address and the one-click unsubscribe link, whose token
   * (an {@code UnsubscribeTokens} MAC naming no one, no secret to guard) is in the path, as
   * RFC 8058 posts to the header's URL; rendered by {@link #renderMarketing}.
   */
  MARKETING(
      "Marketing mail",
      "/api/v1/public/unsubscribe/",
      null,
      """
      %s

      --
      %s

      To receive no more of this mail, unsubscribe with one click:

      %s
      """);

  private final String subject;
  private final String path;
  private final MailTokenPurpose tokenPurpose;
  private final String body;

  MailTemplate(String subject, String path, MailTokenPurpose tokenPurpose, String body) {
    this.subject = subject;
    this.path = path;
    this.tokenPurpose = tokenPurpose;
    this.body = body;
  }

  public String subject() {
    return subject;
  }

  /** The purpose of the token this template's link carries, if it carries one. */
  public Optional<MailTokenPurpose> tokenPurpose() {
    return Optional.ofNullable(tokenPurpose);
  }

  /** Whether this template is about a workspace, and so is rendered with its {@link WorkspaceNotice}. */
  public boolean aboutWorkspace() {
    return this == WORKSPACE_CANCELLED || this == WORKSPACE_PURGE_REMINDER;
  }

  /**
   * Whether this template goes to a subject a workspace owns (a contact), named by its outbox row
   * with the workspace, its address resolved in a tenant transaction of that workspace when sent
   * (see {@code SubjectMailResolver}); every other template goes to an account (or an invitation).
   */
  public boolean toWorkspaceSubject() {
    return this == CONSENT_CONFIRMATION || this == PRIVACY_REQUEST_EXTENDED || this == PRIVACY_REQUEST_REJECTED
        || this == PRIVACY_REQUEST_ERASED || this == MARKETING || this == PRIVACY_REQUEST_CODE
        || this == PRIVACY_REQUEST_COMPLETED || this == PRIVACY_RESTRICTION_LIFTED;
  }

  /** Whether this template states a detail (a data-subject request's reason or code) before its link. */
  public boolean takesDetail() {
    return this == PRIVACY_REQUEST_EXTENDED || this == PRIVACY_REQUEST_REJECTED || this == PRIVACY_REQUEST_CODE;
  }

  /**
   * The mail to {@code to} of a template that {@link #takesDetail() takes a detail}: {@code detail}
   * (plain text) before its link under {@code publicUrl}.
   *
   * @throws IllegalArgumentException for a template that takes none
   */
  public OutgoingMail renderWithDetail(EmailAddress to, URI publicUrl, String detail) {
    Objects.requireNonNull(detail, "detail");
    if (!takesDetail()) {
      throw new IllegalArgumentException(name() + " takes no detail");
    }
    return new OutgoingMail(to, subject, body.formatted(detail.strip(), link(publicUrl, Optional.empty())));
  }

  /**
   * The mail to {@code to}, its link under {@code publicUrl}.
   *
   * @param token the fresh token, present exactly when {@link #tokenPurpose()} is
   * @throws IllegalArgumentException when the token does not fit the template, or the URL is not a
   *     plain http(s) base URL (see {@link #requirePublicUrl}), or the template is
   *     {@link #aboutWorkspace() about a workspace}
   */
  public OutgoingMail render(EmailAddress to, URI publicUrl, Optional<String> token) {
    return render(to, publicUrl, token, Optional.empty());
  }

  /**
   * As {@link #render(EmailAddress, URI, Optional)}, with the workspace a lifecycle notice is
   * about, present exactly when the template is {@link #aboutWorkspace() about a workspace}.
   */
  public OutgoingMail render(EmailAddress to, URI publicUrl, Optional<String> token, Optional<WorkspaceNotice> notice) {
    Objects.requireNonNull(notice, "notice");
    if (this == MARKETING) {
      throw new IllegalArgumentException("a marketing mail is rendered with its texts (renderMarketing)");
    }
    if (notice.isPresent() != aboutWorkspace()) {
      throw new IllegalArgumentException(name() + (aboutWorkspace() ? " needs its workspace" : " is about no workspace"));
    }
    if (takesDetail()) {
      throw new IllegalArgumentException(name() + " needs its detail (renderWithDetail)");
    }
    URI link = link(publicUrl, token);
    String text = notice.map(n -> body.formatted(n.workspaceName(), n.purgeAt(), link))
        .orElseGet(() -> body.formatted(link));
    return new OutgoingMail(to, subject, text);
  }

  /**
   * The {@link #MARKETING} mail to {@code to}: its subject and text, the sender's postal address and
   * the unsubscribe link (see {@link #unsubscribeLink}), with the RFC 2369 and RFC 8058 headers
   * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post}.
   */
  public OutgoingMail renderMarketing(EmailAddress to, URI publicUrl, String unsubscribeToken, String subject,
      String text, String postalAddress) {
    if (this != MARKETING) {
      throw new IllegalArgumentException(name() + " is not a marketing mail");
    }
    URI link = unsubscribeLink(publicUrl, unsubscribeToken);
    return new OutgoingMail(to, subject, body.formatted(text, postalAddress, link),
        OutgoingMail.unsubscribeHeaders(link));
  }

  /** The one-click unsubscribe link of a {@link #MARKETING} mail: the token in the path. */
  public static URI unsubscribeLink(URI publicUrl, String unsubscribeToken) {
    Objects.requireNonNull(unsubscribeToken, "unsubscribeToken");
    if (!unsubscribeToken.matches("u1\\.[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("an unsubscribe token is u1. and base64url");
    }
    URI base = requirePublicUrl(publicUrl);
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    return URI.create(base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getRawAuthority() + basePath
        + MARKETING.path + unsubscribeToken);
  }

  /** The one link of this template: the page under {@code publicUrl}, the token in the fragment. */
  public URI link(URI publicUrl, Optional<String> token) {
    if (this == MARKETING) {
      throw new IllegalArgumentException("a marketing mail's link is its unsubscribe link");
    }
    Objects.requireNonNull(token, "token");
    if (token.isPresent() != (tokenPurpose != null)) {
      throw new IllegalArgumentException(name() + (tokenPurpose == null ? " carries no token" : " needs a token"));
    }
    if (token.isPresent() && !token.get().startsWith(tokenPurpose.tokenPrefix())) {
      throw new IllegalArgumentException(name() + " needs a token of its own purpose");
    }
    if (token.isPresent() && !token.get().matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("a token is base64url"); // so it needs no escaping in a fragment
    }
    URI base = requirePublicUrl(publicUrl);
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    return URI.create(base.getScheme().toLowerCase(Locale.ROOT) + "://" + base.getRawAuthority() + basePath + path
        + token.map(t -> "#token=" + t).orElse(""));
  }

  /**
   * Checks that {@code publicUrl} can be the base of every link: absolute http or https with a host,
   * and no user info, query or fragment to get mixed up with the link's own.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static URI requirePublicUrl(URI publicUrl) {
    Objects.requireNonNull(publicUrl, "publicUrl");
    String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || publicUrl.isOpaque() || publicUrl.getHost() == null
        || publicUrl.getRawUserInfo() != null || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
      throw new IllegalArgumentException("the public URL must be an http(s) URL with a host and no user info, query or fragment");
    }
    return publicUrl;
  }
}
