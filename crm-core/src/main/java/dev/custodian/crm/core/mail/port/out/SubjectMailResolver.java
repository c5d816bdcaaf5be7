package dev.custodian.crm.core.mail.port.out;

import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port of the mail dispatcher, one per template that goes
 * {@link MailTemplate#toWorkspaceSubject() to a workspace's subject}: renders a queued row into the
 * mail to send, inside a tenant transaction of the row's workspace (row-level security on), so the
 * address is read (and any token minted, any guard asked) as the workspace's own data. A new such
 * template plugs in by adding a resolver, not by changing the dispatcher.
 */
public interface SubjectMailResolver {

  /** The template this resolver renders. */
  MailTemplate template();

  /**
   * The mail for {@code mail}'s subject, links under {@code publicUrl}; empty when it is moot (the
   * subject is gone, the request used, the guard refuses), and then the row is dropped unsent.
   * Runs in the open tenant transaction of {@code workspace}; what it writes (a minted token's
   * hash) commits before the mail is sent.
   */
  Optional<OutgoingMail> resolve(WorkspaceId workspace, QueuedMail mail, URI publicUrl, Instant now);

  /**
   * The mail {@link #resolve} rendered was not delivered: spend what it minted, so no working token
   * exists that nobody received. In a tenant transaction of {@code workspace}; nothing by default.
   */
  default void unsent(WorkspaceId workspace, QueuedMail mail, Instant now) {}

  /**
   * Whether the mail is sent inside the tenant transaction {@link #resolve} ran in, so the locks it
   * took hold until the mail server accepts it (a marketing mail and a concurrent unsubscribe take
   * turns); then a failed send writes nothing and the row is tried again. False by default: the
   * mail is sent with no transaction open.
   */
  default boolean sendsInTransaction() {
    return false;
  }
}
