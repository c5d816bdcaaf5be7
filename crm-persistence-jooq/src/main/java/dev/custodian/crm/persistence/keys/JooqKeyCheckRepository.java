package dev.custodian.crm.persistence.keys;

import static dev.custodian.crm.persistence.generated.Tables.MASTER_KEY_CHECK;

import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Optional;

/** Persistence adapter: {@link KeyCheckRepository} on the one-row {@code master_key_check} table. */
final class JooqKeyCheckRepository implements KeyCheckRepository {

  private final JooqTransactions transactions;

  JooqKeyCheckRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<String> find() {
    return transactions.dsl().select(MASTER_KEY_CHECK.KEY_CHECK).from(MASTER_KEY_CHECK).fetchOptional(MASTER_KEY_CHECK.KEY_CHECK);
  }

  @Override
  public void insert(String keyCheck, Instant createdAt) {
    transactions.dsl()
        .insertInto(MASTER_KEY_CHECK)
        .set(MASTER_KEY_CHECK.SINGLETON, true)
        .set(MASTER_KEY_CHECK.KEY_CHECK, keyCheck)
        .set(MASTER_KEY_CHECK.CREATED_AT, SqlTime.utc(createdAt))
        .execute();
  }
}
