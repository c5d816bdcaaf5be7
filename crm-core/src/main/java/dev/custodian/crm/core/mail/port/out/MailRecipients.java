package dev.custodian.crm.core.mail.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the current address of an account, resolved as its mail is sent (the outbox stores
 * none). Empty when the account is gone. Joins the caller's open transaction.
 */
@FunctionalInterface
public interface MailRecipients {

  Optional<EmailAddress> addressOf(UUID account);
}
