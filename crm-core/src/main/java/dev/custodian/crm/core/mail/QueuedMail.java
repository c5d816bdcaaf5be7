package dev.custodian.crm.core.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of the outbox: which template goes to which account, queued when. It names the recipient by
 * reference only; the address is resolved, and any token minted, when the mail is sent.
 */
public record QueuedMail(UUID id, MailTemplate template, UUID account, Instant createdAt, Optional<UUID> workspace) {

  /** A mail about no workspace. */
  public QueuedMail(UUID id, MailTemplate template, UUID account, Instant createdAt) {
    this(id, template, account, createdAt, Optional.empty());
  }

  public QueuedMail {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
