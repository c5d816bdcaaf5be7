package dev.custodian.crm.app.mail;

import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.port.out.MailDeliveryException;
import dev.custodian.crm.core.mail.port.out.Mailer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Mailer adapter: sends each mail to an SMTP server with Jakarta Mail (Eclipse Angus), over
 * STARTTLS (required, the default), implicit TLS, or, to a loopback host only, in clear. Server
 * certificates and names are checked. A failure is a {@link MailDeliveryException} naming no
 * address: the server's reply, which often quotes one, is not passed on.
 */
public final class SmtpMailer implements Mailer {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration IO_TIMEOUT = Duration.ofSeconds(10);

  /** How the connection to the server is protected ({@code CRM_SMTP_SECURITY}). */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which the server must offer; port 587. */
    STARTTLS(587),
    /** TLS from the first byte ("SMTPS"); port 465. */
    TLS(465),
    /** No encryption: allowed only to a loopback host (a local relay, a test server); port 25. */
    NONE(25);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    /**
     * {@code starttls}, {@code tls} or {@code none}, in any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Security parse(String value) {
      return switch (Objects.requireNonNull(value, "value").strip().toLowerCase(Locale.ROOT)) {
        case "starttls" -> STARTTLS;
        case "tls" -> TLS;
        case "none" -> NONE;
        default -> throw new IllegalArgumentException("the SMTP security is one of starttls, tls, none");
      };
    }
  }

  /**
   * Where and how to send ({@code CRM_SMTP_*}).
   *
   * @param user and {@code password}: both or neither; without them the server is used unauthenticated
   * @param from the sender, e.g. {@code Custodian CRM <no-reply@example.org>}
   */
  public record Settings(String host, int port, Optional<String> user, Optional<String> password, String from,
      Security security) {

    public Settings {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(security, "security");
      if (host.isBlank()) {
        throw new IllegalArgumentException("the SMTP host is required");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("the SMTP port is between 1 and 65535");
      }
      if (user.isPresent() != password.isPresent()) {
        throw new IllegalArgumentException("an SMTP user and password go together");
      }
      if (security == Security.NONE && !isLoopback(host)) {
        throw new IllegalArgumentException("SMTP without encryption is allowed to a loopback host only");
      }
      MimeMessages.sender(from);
    }

    /** Without the password. */
    @Override
    public String toString() {
      return "Settings[host=" + host + ", port=" + port + ", user=" + user.map(u -> "(set)").orElse("(none)")
          + ", security=" + security + "]";
    }
  }

  private final Settings settings;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;

  public SmtpMailer(Settings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.from = MimeMessages.sender(settings.from());
    this.session = Session.getInstance(properties(settings, from));
  }

  @Override
  public void send(OutgoingMail mail) {
    try {
      MimeMessage message = MimeMessages.compose(session, from, mail, clock.instant());
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(settings.host(), settings.port(), settings.user().orElse(null), settings.password().orElse(null));
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (AuthenticationFailedException e) {
      throw new MailDeliveryException("the SMTP server refused the credentials");
    } catch (SMTPSendFailedException e) {
      throw new MailDeliveryException("the SMTP server refused the mail (reply code " + e.getReturnCode() + ")");
    } catch (MessagingException e) {
      throw new MailDeliveryException("the mail was not handed to the SMTP server ("
          + e.getClass().getSimpleName() + causeName(e) + ")");
    }
  }

  /** The kind of the underlying failure (a timeout, a refused connection, a TLS failure), never its message. */
  private static String causeName(MessagingException e) {
    Throwable cause = e.getCause();
    return cause == null ? "" : ": " + cause.getClass().getSimpleName();
  }

  private static Properties properties(Settings settings, InternetAddress from) {
    Properties props = MimeMessages.baseProperties(from);
    props.setProperty("mail.smtp.host", settings.host());
    props.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    props.setProperty("mail.smtp.from", from.getAddress()); // the envelope sender
    props.setProperty("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    props.setProperty("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
    props.setProperty("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
    props.setProperty("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
    switch (settings.security()) {
      case STARTTLS -> {
        props.setProperty("mail.smtp.starttls.enable", "true");
        props.setProperty("mail.smtp.starttls.required", "true"); // never falls back to clear text
        requireTrustedServer(props);
      }
      case TLS -> {
        props.setProperty("mail.smtp.ssl.enable", "true");
        requireTrustedServer(props);
      }
      case NONE -> {
        // loopback only, checked by Settings
      }
    }
    return props;
  }

  private static void requireTrustedServer(Properties props) {
    props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    props.setProperty("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
  }

  /**
   * Whether {@code host} is {@code localhost} or a loopback IP literal. A name is not looked up:
   * what it resolves to can change after the check.
   */
  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    boolean ipLiteral = h.matches("[0-9.]+") || (h.contains(":") && h.matches("[0-9a-f:.]+"));
    if (!ipLiteral) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
