package dev.custodian.crm.persistence.mail;

import static dev.custodian.crm.persistence.generated.Tables.MAIL_OUTBOX;

import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.QueuedMail;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link MailOutbox} on the {@code mail_outbox} table. */
final class JooqMailOutbox implements MailOutbox {

  private final JooqTransactions transactions;

  JooqMailOutbox(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void enqueue(MailTemplate template, UUID account, Instant now) {
    transactions.dsl()
        .insertInto(MAIL_OUTBOX)
        .set(MAIL_OUTBOX.ID, UUID.randomUUID())
        .set(MAIL_OUTBOX.TEMPLATE, template.name())
        .set(MAIL_OUTBOX.ACCOUNT_ID, account)
        .set(MAIL_OUTBOX.CREATED_AT, SqlTime.utc(now))
        .execute();
  }

  @Override
  public void enqueue(MailTemplate template, UUID account, UUID workspace, Instant now) {
    transactions.dsl()
        .insertInto(MAIL_OUTBOX)
        .set(MAIL_OUTBOX.ID, UUID.randomUUID())
        .set(MAIL_OUTBOX.TEMPLATE, template.name())
        .set(MAIL_OUTBOX.ACCOUNT_ID, account)
        .set(MAIL_OUTBOX.WORKSPACE_ID, workspace)
        .set(MAIL_OUTBOX.CREATED_AT, SqlTime.utc(now))
        .execute();
  }

  @Override
  public void enqueueToSubject(MailTemplate template, UUID workspace, UUID subject, Optional<UUID> about,
      Instant now) {
    if (!template.toWorkspaceSubject()) {
      throw new IllegalArgumentException(template + " goes to an account");
    }
    transactions.dsl()
        .insertInto(MAIL_OUTBOX)
        .set(MAIL_OUTBOX.ID, UUID.randomUUID())
        .set(MAIL_OUTBOX.TEMPLATE, template.name())
        .set(MAIL_OUTBOX.WORKSPACE_ID, workspace)
        .set(MAIL_OUTBOX.SUBJECT_ID, subject)
        .set(MAIL_OUTBOX.ABOUT_ID, about.orElse(null))
        .set(MAIL_OUTBOX.CREATED_AT, SqlTime.utc(now))
        .execute();
  }

  @Override
  public int removeToSubject(UUID workspace, UUID subject) {
    return transactions.dsl().deleteFrom(MAIL_OUTBOX)
        .where(MAIL_OUTBOX.WORKSPACE_ID.eq(workspace).and(MAIL_OUTBOX.SUBJECT_ID.eq(subject)))
        .execute();
  }

  @Override
  public List<QueuedMail> lease(int limit, Instant leaseUntil, Instant now) {
    DSLContext dsl = transactions.dsl();
    // SKIP LOCKED: rows another dispatcher is leasing right now are left to it, not waited for;
    // a row it has just leased and committed no longer matches the re-checked condition.
    return dsl.update(MAIL_OUTBOX)
        .set(MAIL_OUTBOX.LEASED_UNTIL, SqlTime.utc(leaseUntil))
        .where(MAIL_OUTBOX.ID.in(
            DSL.select(MAIL_OUTBOX.ID)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.LEASED_UNTIL.isNull().or(MAIL_OUTBOX.LEASED_UNTIL.lt(SqlTime.utc(now))))
                .orderBy(MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked()))
        .returning(MAIL_OUTBOX.ID, MAIL_OUTBOX.TEMPLATE, MAIL_OUTBOX.ACCOUNT_ID, MAIL_OUTBOX.CREATED_AT,
            MAIL_OUTBOX.WORKSPACE_ID, MAIL_OUTBOX.SUBJECT_ID, MAIL_OUTBOX.ABOUT_ID)
        .fetch(row -> new QueuedMail(
            row.get(MAIL_OUTBOX.ID),
            MailTemplate.valueOf(row.get(MAIL_OUTBOX.TEMPLATE)),
            Optional.ofNullable(row.get(MAIL_OUTBOX.ACCOUNT_ID)),
            row.get(MAIL_OUTBOX.CREATED_AT).toInstant(),
            Optional.ofNullable(row.get(MAIL_OUTBOX.WORKSPACE_ID)),
            Optional.ofNullable(row.get(MAIL_OUTBOX.SUBJECT_ID)),
            Optional.ofNullable(row.get(MAIL_OUTBOX.ABOUT_ID))))
        .stream()
        // RETURNING keeps no order: oldest first again.
        .sorted(Comparator.comparing(QueuedMail::createdAt).thenComparing(QueuedMail::id))
        .toList();
  }

  @Override
  public boolean remove(UUID id) {
    return transactions.dsl().deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.eq(id)).execute() == 1;
  }
}
