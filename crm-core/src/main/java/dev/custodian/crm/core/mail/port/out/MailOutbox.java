package dev.custodian.crm.core.mail.port.out;

import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.QueuedMail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the outbox of mail to send (CON-05). A use case enqueues in its own transaction, so a
 * mail is queued exactly when the change it reports commits; a row holds a template and an account
 * (or a workspace and its subject), never an address or a token. Platform-level; joins the caller's open transaction and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface MailOutbox {

  /** Queues {@code template} for {@code account}. */
  void enqueue(MailTemplate template, UUID account, Instant now);

  /** Queues {@code template}, a notice about {@code workspace}, for {@code account}. */
  void enqueue(MailTemplate template, UUID account, UUID workspace, Instant now);

  /**
   * Queues {@code template}, which goes {@link MailTemplate#toWorkspaceSubject() to a workspace's
   * subject}, for {@code subject} of {@code workspace} (a contact), about {@code about} if its
   * template needs it. The row holds these references only, never an address.
   */
  void enqueueToSubject(MailTemplate template, UUID workspace, UUID subject, Optional<UUID> about, Instant now);

  /**
   * Removes every queued mail to {@code subject} of {@code workspace} (its erasure).
   *
   * @return how many rows went
   */
  int removeToSubject(UUID workspace, UUID subject);

  /**
   * Takes up to {@code limit} due rows (never leased, or their lease ended before {@code now}),
   * oldest first, and leases them until {@code leaseUntil}. Rows another transaction is leasing
   * right now are skipped, not waited for, so two dispatchers never get the same row.
   */
  List<QueuedMail> lease(int limit, Instant leaseUntil, Instant now);

  /** Removes a row once its mail is sent or dropped; false when it was already gone. */
  boolean remove(UUID id);
}
