package dev.custodian.crm.app.mail;

import dev.custodian.crm.app.files.PrivateDirectories;
import dev.custodian.crm.app.files.PrivateFiles;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.port.out.MailDeliveryException;
import dev.custodian.crm.core.mail.port.out.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;

/**
 * Mailer adapter of the embedded default without SMTP: each mail becomes one complete RFC 5322
 * message, every header included, in its own {@code .eml} file (mode 0600) in a private directory
 * ({@code CRM_DATA_DIR/mail/}, mode 0700), so what a mail client would get can be read there. File
 * names hold the time and a random id, never the address.
 */
public final class FileMailer implements Mailer {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final InternetAddress from;
  private final Session session;
  private final Clock clock;

  private FileMailer(Path directory, InternetAddress from, Clock clock) {
    this.directory = directory;
    this.from = from;
    this.session = Session.getInstance(MimeMessages.baseProperties(from));
    this.clock = clock;
  }

  /**
   * Mail into {@code dataDirectory/mail}, created (or tightened) to mode 0700.
   *
   * @param from the sender, e.g. {@code Custodian CRM <no-reply@localhost.localdomain>}
   * @throws IllegalArgumentException when {@code from} is not one valid address
   */
  public static FileMailer inDataDirectory(Path dataDirectory, String from, Clock clock) throws IOException {
    return inDirectory(dataDirectory.resolve("mail"), from, clock);
  }

  /** Mail into {@code directory} itself, created (or tightened) to mode 0700. */
  public static FileMailer inDirectory(Path directory, String from, Clock clock) throws IOException {
    InternetAddress sender = MimeMessages.sender(Objects.requireNonNull(from, "from"));
    return new FileMailer(PrivateDirectories.createOrTighten(directory), sender, Objects.requireNonNull(clock, "clock"));
  }

  /** Where the files go. */
  public Path directory() {
    return directory;
  }

  @Override
  public void send(OutgoingMail mail) {
    Instant now = clock.instant();
    try {
      MimeMessage message = MimeMessages.compose(session, from, mail, now);
      Path file = directory.resolve(FILE_TIME.format(now) + "-" + UUID.randomUUID() + ".eml");
      PrivateFiles.Content content = out -> {
        try {
          message.writeTo(out);
        } catch (MessagingException e) {
          throw new IOException("the message could not be written", e);
        }
      };
      if (!PrivateFiles.createOnce(file, content)) {
        throw new MailDeliveryException("a mail file of that name exists already");
      }
    } catch (MessagingException e) {
      throw new MailDeliveryException("the mail could not be composed (" + e.getClass().getSimpleName() + ")");
    } catch (IOException | UncheckedIOException e) {
      throw new MailDeliveryException("the mail file could not be written (" + e.getClass().getSimpleName() + ")");
    }
  }
}
