package dev.custodian.crm.core.mail.service;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.TokenGenerator;
import dev.custodian.crm.core.common.port.out.TokenHash;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.WorkspaceNotice;
import dev.custodian.crm.core.mail.port.out.MailDeliveryException;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailRecipients;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.core.mail.port.out.Mailer;
import dev.custodian.crm.core.mail.port.out.SubjectMailResolver;
import dev.custodian.crm.core.tenancy.Transactions;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Service: sends the outbox's due mail (CON-05). It leases a batch of rows (so two instances never
 * send one mail twice; a batch stops at half its lease), and for each row resolves the address and
 * mints the token the template carries (ACC-05, ACC-10) in one short platform transaction, sends
 * with no transaction open (a slow mail server holds no connection and no lock), then removes the
 * row. A failed send spends the token it minted, so no working token exists for a mail that was
 * not sent, and the row is tried again when its lease ends; a row still undelivered 24 hours after it was queued
 * is dropped, and so is one whose account has no address any more. A mail to a workspace's subject
 * (a contact) is rendered by its template's {@link SubjectMailResolver} in a tenant transaction of
 * that workspace instead (row-level security on). Run {@link #dispatchDue()}
 * periodically; it never logs an address, a token or a body.
 */
public final class MailDispatcher {

  /** How long a mail is tried before it is dropped. */
  public static final Duration UNDELIVERABLE_AFTER = Duration.ofHours(24);

  private static final System.Logger LOG = System.getLogger(MailDispatcher.class.getName());

  private final Transactions transactions;
  private final MailOutbox outbox;
  private final MailTokenRepository tokens;
  private final MailRecipients recipients;
  private final Mailer mailer;
  private final TokenGenerator tokenGenerator;
  private final Clock clock;
  private final Settings settings;
  private final MailWorkspaces workspaces;
  private final Map<MailTemplate, SubjectMailResolver> subjectMail;

  /**
   * Out-port of the dispatcher: what a workspace lifecycle notice names, read when it is sent;
   * empty when the notice is moot (the workspace was reactivated or purged meanwhile), and then the
   * mail is dropped unsent. Joins the open platform transaction.
   */
  @FunctionalInterface
  public interface MailWorkspaces {
    Optional<WorkspaceNotice> noticeOf(UUID workspace, MailTemplate template);
  }

  /**
   * What the dispatcher is told by configuration.
   *
   * @param publicUrl the base URL of every link ({@code CRM_PUBLIC_URL})
   * @param tokenTtl how long a mailed account token works ({@code CRM_MAIL_TOKEN_TTL}), at most
   *     {@link MailTokenPurpose#MAX_TTL}
   * @param invitationTtl how long an invitation's token works ({@code CRM_INVITATION_TTL}), at most
   *     {@link MailTokenPurpose#INVITATION}'s maximum of 7 days
   * @param lease how long a leased row is left to this dispatcher: longer than a batch of sends
   *     takes (the batch size times the mailer's timeouts), and the pause before a failed mail is
   *     tried again
   * @param batchSize how many rows one {@link #dispatchDue()} leases
   */
  public record Settings(URI publicUrl, Duration tokenTtl, Duration invitationTtl, Duration lease, int batchSize) {

    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final int DEFAULT_BATCH_SIZE = 10;

    public Settings {
      MailTemplate.requirePublicUrl(publicUrl);
      Objects.requireNonNull(tokenTtl, "tokenTtl");
      Objects.requireNonNull(lease, "lease");
      if (tokenTtl.isNegative() || tokenTtl.isZero() || tokenTtl.compareTo(MailTokenPurpose.MAX_TTL) > 0) {
        throw new IllegalArgumentException("a mail token lives more than zero and at most " + MailTokenPurpose.MAX_TTL);
      }
      Objects.requireNonNull(invitationTtl, "invitationTtl");
      if (invitationTtl.isNegative() || invitationTtl.isZero()
          || invitationTtl.compareTo(MailTokenPurpose.INVITATION.maxTtl()) > 0) {
        throw new IllegalArgumentException("an invitation lives more than zero and at most "
            + MailTokenPurpose.INVITATION.maxTtl());
      }
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("a lease is longer than zero");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("a batch holds at least one mail");
      }
    }

    /** The default lease and batch size, invitations valid 7 days. */
    public static Settings of(URI publicUrl, Duration tokenTtl) {
      return of(publicUrl, tokenTtl, MailTokenPurpose.INVITATION.maxTtl());
    }

    /** The default lease and batch size. */
    public static Settings of(URI publicUrl, Duration tokenTtl, Duration invitationTtl) {
      return new Settings(publicUrl, tokenTtl, invitationTtl, DEFAULT_LEASE, DEFAULT_BATCH_SIZE);
    }

    /** How long a token of {@code purpose} lives. */
    public Duration ttlOf(MailTokenPurpose purpose) {
      return purpose == MailTokenPurpose.INVITATION ? invitationTtl : tokenTtl;
    }
  }

  /** What one {@link #dispatchDue()} did with the rows it leased. */
  public record Result(int sent, int failed, int dropped) {

    /** Rows leased in all. */
    public int leased() {
      return sent + failed + dropped;
    }
  }

  public MailDispatcher(
      Transactions transactions,
      MailOutbox outbox,
      MailTokenRepository tokens,
      MailRecipients recipients,
      Mailer mailer,
      TokenGenerator tokenGenerator,
      Clock clock,
      Settings settings) {
    this(transactions, outbox, tokens, recipients, mailer, tokenGenerator, clock, settings,
        (workspace, template) -> Optional.empty());
  }

  /** As the other constructor, reading a workspace notice's facts through {@code workspaces}. */
  public MailDispatcher(
      Transactions transactions,
      MailOutbox outbox,
      MailTokenRepository tokens,
      MailRecipients recipients,
      Mailer mailer,
      TokenGenerator tokenGenerator,
      Clock clock,
      Settings settings,
      MailWorkspaces workspaces) {
    this(transactions, outbox, tokens, recipients, mailer, tokenGenerator, clock, settings, workspaces, List.of());
  }

  /**
   * As the other constructors, rendering the mail of each template that goes to a workspace's
   * subject through its resolver (at most one per template; a row of a template without one is
   * dropped unsent).
   */
  public MailDispatcher(
      Transactions transactions,
      MailOutbox outbox,
      MailTokenRepository tokens,
      MailRecipients recipients,
      Mailer mailer,
      TokenGenerator tokenGenerator,
      Clock clock,
      Settings settings,
      MailWorkspaces workspaces,
      List<SubjectMailResolver> subjectMail) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.recipients = Objects.requireNonNull(recipients, "recipients");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.tokenGenerator = Objects.requireNonNull(tokenGenerator, "tokenGenerator");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.workspaces = Objects.requireNonNull(workspaces, "workspaces");
    Map<MailTemplate, SubjectMailResolver> byTemplate = new EnumMap<>(MailTemplate.class);
    for (SubjectMailResolver resolver : subjectMail) {
      if (!resolver.template().toWorkspaceSubject()) {
        throw new IllegalArgumentException(resolver.template() + " goes to an account, not a workspace's subject");
      }
      if (byTemplate.put(resolver.template(), resolver) != null) {
        throw new IllegalArgumentException("two resolvers of " + resolver.template());
      }
    }
    this.subjectMail = Map.copyOf(byTemplate);
  }

  /**
   * Leases one batch of due rows and handles each. A database failure propagates (the leased rows
   * come back when their lease ends); a refused or failed send only counts as {@code failed}.
   */
  public Result dispatchDue() {
    Instant now = Timestamps.now(clock);
    List<QueuedMail> batch = transactions.inPlatform(
        () -> outbox.lease(settings.batchSize(), now.plus(settings.lease()), now));
    // A slow mail server could make the batch outlive its lease, and another instance would lease
    // (and send) the rest again: the rows not reached by half the lease wait for the next lease.
    Instant stopAt = now.plus(settings.lease().dividedBy(2));
    int sent = 0;
    int failed = 0;
    int dropped = 0;
    for (QueuedMail mail : batch) {
      if (!Timestamps.now(clock).isBefore(stopAt)) {
        break;
      }
      switch (dispatch(mail)) {
        case SENT -> sent++;
        case FAILED -> failed++;
        case DROPPED -> dropped++;
      }
    }
    return new Result(sent, failed, dropped);
  }

  private enum Outcome { SENT, FAILED, DROPPED }

  /** A rendered mail and the token in it, if any (kept apart: the mail's text shows neither). */
  private record Prepared(OutgoingMail mail, Optional<String> token) {}

  private Outcome dispatch(QueuedMail mail) {
    Instant now = Timestamps.now(clock);
    if (!now.isBefore(mail.createdAt().plus(UNDELIVERABLE_AFTER))) {
      transactions.inPlatform(() -> outbox.remove(mail.id()));
      LOG.log(Level.WARNING, "Mail {0} ({1}) undelivered for {2}: dropped", mail.id(), mail.template(), UNDELIVERABLE_AFTER);
      return Outcome.DROPPED;
    }
    if (mail.template().toWorkspaceSubject()) {
      return dispatchToSubject(mail, now);
    }
    // Three short transactions, none open while the mail server is talked to: the token is minted
    // (voiding older ones) and committed, the mail sent, then its row removed. A send that fails
    // spends the minted token, so no working token exists that nobody received.
    Optional<Prepared> rendered = transactions.inPlatform(() -> {
      Optional<EmailAddress> to = recipients.addressOf(mail.account());
      Optional<WorkspaceNotice> notice = mail.workspace().flatMap(w -> workspaces.noticeOf(w, mail.template()));
      if (to.isEmpty() || notice.isPresent() != mail.template().aboutWorkspace()) {
        outbox.remove(mail.id());
        return Optional.<Prepared>empty();
      }
      Optional<String> token = mail.template().tokenPurpose().map(purpose -> mint(purpose, mail.account(), now));
      return Optional.of(new Prepared(mail.template().render(to.get(), settings.publicUrl(), token, notice), token));
    });
    if (rendered.isEmpty()) {
      // DEBUG: every reset or resend for an address without an account ends here (a decoy row).
      LOG.log(Level.DEBUG, "Mail {0} ({1}) has no recipient (no such account): dropped unsent", mail.id(), mail.template());
      return Outcome.DROPPED;
    }
    try {
      mailer.send(rendered.get().mail());
    } catch (MailDeliveryException e) {
      mail.template().tokenPurpose().ifPresent(purpose -> transactions.inPlatform(
          () -> tokens.consume(purpose, TokenHash.of(rendered.get().token().orElseThrow()), now)));
      // The exception's message is address-free by contract; its cause is not logged.
      LOG.log(Level.WARNING, "Mail {0} ({1}) not delivered, tried again after its lease: {2}",
          mail.id(), mail.template(), e.getMessage());
      return Outcome.FAILED;
    }
    transactions.inPlatform(() -> outbox.remove(mail.id()));
    return Outcome.SENT;
  }

  /**
   * A mail to a workspace's subject: rendered by its template's resolver in a tenant transaction of
   * the row's workspace (row-level security on), sent with no transaction open, then removed.
   */
  private Outcome dispatchToSubject(QueuedMail mail, Instant now) {
    WorkspaceId workspace = WorkspaceId.of(mail.workspace().orElseThrow());
    SubjectMailResolver resolver = subjectMail.get(mail.template());
    if (resolver != null && resolver.sendsInTransaction()) {
      return transactions.inWorkspace(workspace, () -> {
        Optional<OutgoingMail> resolved = resolver.resolve(workspace, mail, settings.publicUrl(), now);
        if (resolved.isEmpty()) {
          outbox.remove(mail.id());
          LOG.log(Level.DEBUG, "Mail {0} ({1}) is moot (no such subject, or refused): dropped unsent", mail.id(),
              mail.template());
          return Outcome.DROPPED;
        }
        try {
          mailer.send(resolved.get());
        } catch (MailDeliveryException e) {
          LOG.log(Level.WARNING, "Mail {0} ({1}) not delivered, tried again after its lease: {2}",
              mail.id(), mail.template(), e.getMessage());
          return Outcome.FAILED;
        }
        outbox.remove(mail.id());
        return Outcome.SENT;
      });
    }
    Optional<OutgoingMail> rendered = transactions.inWorkspace(workspace, () -> {
      Optional<OutgoingMail> resolved = resolver == null ? Optional.empty()
          : resolver.resolve(workspace, mail, settings.publicUrl(), now);
      if (resolved.isEmpty()) {
        outbox.remove(mail.id());
      }
      return resolved;
    });
    if (rendered.isEmpty()) {
      LOG.log(Level.DEBUG, "Mail {0} ({1}) is moot (no such subject, or refused): dropped unsent", mail.id(),
          mail.template());
      return Outcome.DROPPED;
    }
    try {
      mailer.send(rendered.get());
    } catch (MailDeliveryException e) {
      transactions.inWorkspace(workspace, () -> {
        resolver.unsent(workspace, mail, now);
        return null;
      });
      LOG.log(Level.WARNING, "Mail {0} ({1}) not delivered, tried again after its lease: {2}",
          mail.id(), mail.template(), e.getMessage());
      return Outcome.FAILED;
    }
    transactions.inPlatform(() -> outbox.remove(mail.id()));
    return Outcome.SENT;
  }

  private String mint(MailTokenPurpose purpose, UUID account, Instant now) {
    String token = tokenGenerator.newToken(purpose.tokenPrefix());
    tokens.issue(account, purpose, TokenHash.of(token), now.plus(settings.ttlOf(purpose)), now);
    return token;
  }
}
