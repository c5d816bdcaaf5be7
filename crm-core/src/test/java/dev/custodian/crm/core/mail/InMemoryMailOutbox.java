package dev.custodian.crm.core.mail;

import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * In-memory fake of {@link MailOutbox}. Its transactions are serialised, so a lease never meets
 * another one open; its rows are readable for tests that check what a row holds.
 */
public final class InMemoryMailOutbox implements MailOutbox {

  /** A queued mail with its lease, as the table holds it. */
  public record Row(QueuedMail mail, Instant leasedUntil) {}

  private final InMemoryTable<UUID, Row> table;

  public InMemoryMailOutbox(InMemoryTransactions transactions) {
    this.table = transactions.newTable();
  }

  /** Every row, for the open transaction. */
  public List<Row> rows() {
    return List.copyOf(table.rows().values());
  }

  @Override
  public void enqueue(MailTemplate template, UUID account, Instant now) {
    UUID id = UUID.randomUUID();
    table.rows().put(id, new Row(new QueuedMail(id, template, account, now), null));
  }

  @Override
  public void enqueue(MailTemplate template, UUID account, UUID workspace, Instant now) {
    UUID id = UUID.randomUUID();
    table.rows().put(id, new Row(new QueuedMail(id, template, account, now, java.util.Optional.of(workspace)), null));
  }

  @Override
  public void enqueueToSubject(MailTemplate template, UUID workspace, UUID subject, Optional<UUID> about,
      Instant now) {
    UUID id = UUID.randomUUID();
    table.rows().put(id, new Row(QueuedMail.toSubject(id, template, workspace, subject, about, now), null));
  }

  @Override
  public int removeToSubject(UUID workspace, UUID subject) {
    List<UUID> gone = table.rows().values().stream().map(Row::mail)
        .filter(m -> m.workspace().equals(Optional.of(workspace)) && m.subject().equals(Optional.of(subject)))
        .map(QueuedMail::id).toList();
    gone.forEach(table.rows()::remove);
    return gone.size();
  }

  @Override
  public List<QueuedMail> lease(int limit, Instant leaseUntil, Instant now) {
    List<QueuedMail> due = table.rows().values().stream()
        .filter(row -> row.leasedUntil() == null || row.leasedUntil().isBefore(now))
        .map(Row::mail)
        .sorted(Comparator.comparing(QueuedMail::createdAt).thenComparing(QueuedMail::id))
        .limit(limit)
        .toList();
    due.forEach(mail -> table.rows().put(mail.id(), new Row(mail, leaseUntil)));
    return due;
  }

  @Override
  public boolean remove(UUID id) {
    return table.rows().remove(id) != null;
  }
}
