package dev.custodian.crm.persistence.mail;

import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the mail feature's entry: its token store and outbox over the adapter's {@link JooqTransactions}. */
public final class JooqMailStores {

  private JooqMailStores() {}

  public static MailTokenRepository tokens(JooqTransactions transactions) {
    return new JooqMailTokenRepository(transactions);
  }

  public static MailOutbox outbox(JooqTransactions transactions) {
    return new JooqMailOutbox(transactions);
  }
}
