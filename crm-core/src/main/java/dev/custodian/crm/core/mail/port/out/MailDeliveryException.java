package dev.custodian.crm.core.mail.port.out;

/**
 * A mail was not handed over: the server refused it or could not be reached. Unchecked, like every
 * port failure. Its message never holds an address, a token or a body, and an adapter attaches no
 * cause whose message might (a mail server's reply often quotes the address).
 */
public final class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message) {
    super(message);
  }

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
