package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.mail.port.out.MailTokenRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** In-memory fake of {@link MailTokenRepository}; its rows are readable for tests that look for clear tokens. */
public final class InMemoryMailTokenRepository implements MailTokenRepository {

  /** A stored token, as the table holds it. */
  public record Row(UUID account, MailTokenPurpose purpose, String tokenHash, Instant expiresAt,
      Instant createdAt, Instant usedAt, Instant voidedAt) {}

  private final InMemoryTable<String, Row> table;

  public InMemoryMailTokenRepository(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  /** Every stored row, keyed by token hash, for the open transaction. */
  public Map<String, Row> rows() {
    return Map.copyOf(table.rows());
  }

  @Override
  public void issue(UUID account, MailTokenPurpose purpose, String tokenHash, Instant expiresAt, Instant now) {
    Map<String, Row> rows = table.rows();
    rows.replaceAll((hash, row) -> row.account().equals(account) && row.purpose() == purpose
        && row.usedAt() == null && row.voidedAt() == null
        ? new Row(row.account(), row.purpose(), hash, row.expiresAt(), row.createdAt(), null, now)
        : row);
    if (rows.putIfAbsent(tokenHash, new Row(account, purpose, tokenHash, expiresAt, now, null, null)) != null) {
      throw new IllegalStateException("a token with this hash is already stored");
    }
  }

  @Override
  public Optional<UUID> usableFor(MailTokenPurpose purpose, String tokenHash, Instant now) {
    Row row = table.rows().get(tokenHash);
    return row != null && row.purpose() == purpose && row.usedAt() == null && row.voidedAt() == null
        && row.expiresAt().isAfter(now) ? Optional.of(row.account()) : Optional.empty();
  }

  @Override
  public Optional<UUID> consume(MailTokenPurpose purpose, String tokenHash, Instant now) {
    Row row = table.rows().get(tokenHash);
    if (row == null || row.purpose() != purpose || row.usedAt() != null || row.voidedAt() != null
        || !row.expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    table.rows().put(tokenHash, new Row(row.account(), purpose, tokenHash, row.expiresAt(), row.createdAt(), now, null));
    return Optional.of(row.account());
  }
}
