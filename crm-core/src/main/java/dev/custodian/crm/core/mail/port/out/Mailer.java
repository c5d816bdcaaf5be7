package dev.custodian.crm.core.mail.port.out;

import dev.custodian.crm.core.mail.OutgoingMail;

/** Out-port: hands one rendered mail to the mail server (SMTP, a folder of files, a test recorder). */
@FunctionalInterface
public interface Mailer {

  /**
   * Sends {@code mail}, or fails.
   *
   * @throws MailDeliveryException when the server refuses the mail or cannot be reached; the outbox
   *     row then stays for a later attempt
   */
  void send(OutgoingMail mail);
}
