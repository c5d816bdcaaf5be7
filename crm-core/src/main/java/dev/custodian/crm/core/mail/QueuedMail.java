package dev.custodian.crm.core.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of the outbox: which template goes to whom, queued when. It names the recipient by
 * reference only: an account (or an invitation), or, for a template that goes
 * {@link MailTemplate#toWorkspaceSubject() to a workspace's subject}, the workspace and its subject
 * (a contact) with what the mail is about (e.g. a confirmation request). The address is resolved,
 * and any token minted, when the mail is sent.
 *
 * @param recipient the account (or invitation) the mail goes to; empty exactly for a subject's mail
 * @param workspace the workspace a notice is about, or whose subject the mail goes to
 * @param subject the workspace's subject (a contact), present exactly for a subject's mail
 * @param about what a subject's mail is about, if its template needs it
 */
public record QueuedMail(UUID id, MailTemplate template, Optional<UUID> recipient, Instant createdAt,
    Optional<UUID> workspace, Optional<UUID> subject, Optional<UUID> about) {

  /** A mail to an account, about no workspace. */
  public QueuedMail(UUID id, MailTemplate template, UUID account, Instant createdAt) {
    this(id, template, account, createdAt, Optional.empty());
  }

  /** A mail to an account, about a workspace or none. */
  public QueuedMail(UUID id, MailTemplate template, UUID account, Instant createdAt, Optional<UUID> workspace) {
    this(id, template, Optional.of(Objects.requireNonNull(account, "account")), createdAt, workspace,
        Optional.empty(), Optional.empty());
  }

  public QueuedMail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(about, "about");
    if (subject.isPresent() != template.toWorkspaceSubject() || recipient.isPresent() == subject.isPresent()) {
      throw new IllegalArgumentException(template + (template.toWorkspaceSubject()
          ? " goes to a workspace's subject, not an account" : " goes to an account"));
    }
    if (subject.isPresent() && workspace.isEmpty()) {
      throw new IllegalArgumentException("a subject's mail names its workspace");
    }
    if (about.isPresent() && subject.isEmpty()) {
      throw new IllegalArgumentException("only a subject's mail is about something");
    }
  }

  /** A mail to {@code subject} of {@code workspace}, about {@code about} if anything. */
  public static QueuedMail toSubject(UUID id, MailTemplate template, UUID workspace, UUID subject,
      Optional<UUID> about, Instant createdAt) {
    return new QueuedMail(id, template, Optional.empty(), createdAt, Optional.of(workspace), Optional.of(subject),
        about);
  }

  /**
   * The account (or invitation) this mail goes to.
   *
   * @throws IllegalStateException for a mail to a workspace's subject
   */
  public UUID account() {
    return recipient.orElseThrow(() -> new IllegalStateException(template + " goes to a workspace's subject"));
  }
}
