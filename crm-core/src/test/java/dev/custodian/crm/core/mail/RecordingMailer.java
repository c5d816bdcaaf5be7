package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.mail.port.out.MailDeliveryException;
import dev.custodian.crm.core.mail.port.out.Mailer;
import java.util.ArrayList;
import java.util.List;

/** A {@link Mailer} for tests: keeps every mail it is given, or refuses them all while it is down. */
public final class RecordingMailer implements Mailer {

  private final List<OutgoingMail> sent = new ArrayList<>();
  private volatile boolean down;

  @Override
  public synchronized void send(OutgoingMail mail) {
    if (down) {
      throw new MailDeliveryException("the test mail server is down");
    }
    sent.add(mail);
  }

  /** Every mail handed over so far, oldest first. */
  public synchronized List<OutgoingMail> sent() {
    return List.copyOf(sent);
  }

  public void down(boolean down) {
    this.down = down;
  }
}
