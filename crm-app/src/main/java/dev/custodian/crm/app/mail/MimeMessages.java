package dev.custodian.crm.app.mail;

import dev.custodian.crm.core.mail.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/** One RFC 5322 message from an {@link OutgoingMail}: plain text in UTF-8, every header set. */
final class MimeMessages {

  private MimeMessages() {}

  /**
   * The sender as an address, checked once at start.
   *
   * @throws IllegalArgumentException when {@code from} is not one valid address (the message does
   *     not echo it: it is configuration, but may be personal)
   */
  static InternetAddress sender(String from) {
    try {
      InternetAddress[] parsed = InternetAddress.parse(from, true);
      if (parsed.length != 1) {
        throw new IllegalArgumentException("the sender must be exactly one address");
      }
      parsed[0].validate();
      return parsed[0];
    } catch (AddressException e) {
      throw new IllegalArgumentException("the sender is not a valid address");
    }
  }

  /** Session properties every message needs: the sender's address also names the Message-ID's domain. */
  static Properties baseProperties(InternetAddress from) {
    Properties props = new Properties();
    props.setProperty("mail.from", from.getAddress());
    props.setProperty("mail.mime.charset", StandardCharsets.UTF_8.name());
    return props;
  }

  static MimeMessage compose(Session session, InternetAddress from, OutgoingMail mail, Instant now)
      throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setText(mail.body(), StandardCharsets.UTF_8.name()); // text/plain
    for (java.util.Map.Entry<String, String> header : mail.headers().entrySet()) {
      message.setHeader(header.getKey(), header.getValue()); // e.g. List-Unsubscribe (one line, checked)
    }
    message.setSentDate(Date.from(now));
    message.saveChanges(); // MIME-Version, Content-Transfer-Encoding and Message-ID
    return message;
  }
}
