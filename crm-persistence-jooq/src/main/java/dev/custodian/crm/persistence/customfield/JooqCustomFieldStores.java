package dev.custodian.crm.persistence.customfield;

import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;

/** Persistence adapter, the custom field feature's entry: its repositories over the adapter's {@link JooqTransactions}. */
public final class JooqCustomFieldStores {

  private JooqCustomFieldStores() {}

  public static CustomFieldRepository customFields(JooqTransactions transactions) {
    return new JooqCustomFieldRepository(transactions);
  }

  public static CustomValueRepository customValues(JooqTransactions transactions) {
    return new JooqCustomValueRepository(transactions);
  }
}
