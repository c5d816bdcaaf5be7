package dev.custodian.crm.persistence.audit;

import static dev.custodian.crm.persistence.generated.Tables.AUDIT_CHAIN_HEADS;
import static dev.custodian.crm.persistence.generated.Tables.AUDIT_ENTRIES;
import static dev.custodian.crm.persistence.generated.Tables.AUDIT_SUBJECT_KEYS;
import static dev.custodian.crm.persistence.generated.Tables.PLATFORM_AUDIT_ENTRIES;

import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditActor;
import dev.custodian.crm.core.audit.AuditChain;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditFilter;
import dev.custodian.crm.core.audit.AuditOutcome;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.audit.port.out.AuditStore;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Persistence adapter: {@link AuditStore} on {@code audit_entries} (a workspace's chain, filtered
 * by {@code tenant_id} here and by row-level security), {@code platform_audit_entries},
 * {@code audit_chain_heads} (the platform chain under the nil uuid) and {@code audit_subject_keys}.
 * Hashes are stored in hex, ciphertexts and wrapped keys in base64.
 */
final class JooqAuditStore implements AuditStore {

  private static final UUID PLATFORM = new UUID(0, 0);
  private static final HexFormat HEX = HexFormat.of();
  /** The column alias under which reads carry the subject's wrapped key. */
  private static final String SUBJECT_KEY = "subject_wrapped_key";
  private static final Columns WORKSPACE_ENTRIES = Columns.of(AUDIT_ENTRIES, true);
  private static final Columns PLATFORM_ENTRIES = Columns.of(PLATFORM_AUDIT_ENTRIES, false);

  private final JooqTransactions transactions;

  JooqAuditStore(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  /** The columns of an entry table; both tables have the same, the workspace one also {@code tenant_id}. */
  private record Columns(Table<?> table, Optional<Field<UUID>> tenant, Field<Long> sequence, Field<OffsetDateTime> at,
      Field<String> actorKind, Field<UUID> actorAccount, Field<UUID> actorApiKey, Field<String> action,
      Field<String> targetType, Field<UUID> targetId, Field<String> outcome, Field<String> details,
      Field<UUID> subject, Field<String> email, Field<String> ip, Field<String> userAgent, Field<Integer> encoding,
      Field<String> previousHash, Field<String> hash) {

    static Columns of(Table<?> t, boolean tenant) {
      return new Columns(t, tenant ? Optional.of(t.field("tenant_id", UUID.class)) : Optional.empty(),
          t.field("sequence", Long.class), t.field("occurred_at", OffsetDateTime.class),
          t.field("actor_kind", String.class), t.field("actor_account", UUID.class),
          t.field("actor_api_key", UUID.class), t.field("action", String.class), t.field("target_type", String.class),
          t.field("target_id", UUID.class), t.field("outcome", String.class), t.field("details", String.class),
          t.field("subject_id", UUID.class), t.field("email_ct", String.class), t.field("ip_ct", String.class),
          t.field("user_agent_ct", String.class), t.field("encoding", Integer.class),
          t.field("previous_hash", String.class), t.field("hash", String.class));
    }

    /** Every column but the tenant, in insert order. */
    List<Field<?>> values() {
      return List.of(sequence, at, actorKind, actorAccount, actorApiKey, action, targetType, targetId, outcome, details,
          subject, email, ip, userAgent, encoding, previousHash, hash);
    }
  }

  @Override
  public Optional<Head> lockHead(AuditChain chain) {
    return dsl(chain).select(AUDIT_CHAIN_HEADS.SEQUENCE, AUDIT_CHAIN_HEADS.HASH)
        .from(AUDIT_CHAIN_HEADS)
        .where(AUDIT_CHAIN_HEADS.CHAIN_ID.eq(chainId(chain)))
        .forUpdate()
        .fetchOptional(r -> new Head(r.value1(), HEX.parseHex(r.value2())));
  }

  @Override
  public Optional<Head> head(AuditChain chain) {
    return dsl(chain).select(AUDIT_CHAIN_HEADS.SEQUENCE, AUDIT_CHAIN_HEADS.HASH)
        .from(AUDIT_CHAIN_HEADS)
        .where(AUDIT_CHAIN_HEADS.CHAIN_ID.eq(chainId(chain)))
        .fetchOptional(r -> new Head(r.value1(), HEX.parseHex(r.value2())));
  }

  /**
   * One statement: a data-modifying WITH moves the head (a conditional update; for a first entry,
   * an insert that does nothing on conflict) and the entry is inserted from its one returned row,
   * so no row, no entry. A concurrent append holding the head makes the update wait, then find the
   * head moved: 0 rows.
   */
  @Override
  public boolean appendIfHead(Row row, Optional<byte[]> subjectKey) {
    Appending append = appending(row, subjectKey);
    return dsl(row.chain()).with(append.moved()).insertInto(append.table(), append.columns())
        .select(append.values()).execute() == 1;
  }

  /**
   * The append and, in the same statement, every row before it (the statement's snapshot, which
   * the data-modifying WITH does not change) and the appended row as the insert returned it. The
   * appended row comes first, so whether the head moved is known at once; the rest streams from a
   * cursor, and the appended row is handed last: memory stays flat however long the chain.
   */
  @Override
  public boolean appendIfHeadReadingAll(Row row, Optional<byte[]> subjectKey, Consumer<Row> each) {
    Columns c = columns(row.chain());
    Appending append = appending(row, subjectKey);
    List<Field<?>> returned = c.values();
    // Both WITHs at the top (PostgreSQL allows a data-modifying WITH nowhere else); the insert reads "moved".
    CommonTableExpression<Record> inserted = DSL.name("inserted").as(DSL.insertInto(append.table(), append.columns())
        .select(append.values()).returningResult(returned));
    List<Field<?>> fromInserted = returned.stream()
        .<Field<?>>map(f -> DSL.field(DSL.name("inserted", f.getName()), f.getDataType()))
        .toList();
    List<Field<?>> oldFields = withSubjectKey(returned);
    oldFields.add(DSL.inline(false).as("appended"));
    List<Field<?>> addedFields = withSubjectKey(fromInserted);
    addedFields.add(DSL.inline(true).as("appended"));
    Field<UUID> insertedSubject = DSL.field(DSL.name("inserted", c.subject().getName()), UUID.class);
    var old = DSL.select(oldFields).from(c.table())
        .leftJoin(AUDIT_SUBJECT_KEYS).on(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(c.subject()))
        .where(inChain(c, row.chain()));
    var added = DSL.select(addedFields).from(inserted)
        .leftJoin(AUDIT_SUBJECT_KEYS).on(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(insertedSubject));
    Table<Record> all = old.unionAll(added).asTable("entries");
    Field<Long> sequence = all.field(c.sequence().getName(), Long.class);
    Field<Boolean> appended = all.field("appended", Boolean.class);
    try (Cursor<Record> cursor = dsl(row.chain()).with(append.moved()).with(inserted).select(all.fields()).from(all)
        .orderBy(appended.desc(), sequence.asc())
        .fetchSize(500)
        .fetchLazy()) {
      if (!cursor.hasNext()) {
        return false;
      }
      Record first = cursor.fetchNext();
      if (!Boolean.TRUE.equals(first.get(appended))) {
        return false; // the head moved: nothing appended, nothing handed
      }
      Row own = readable(row.chain(), c, first);
      for (Record r : cursor) {
        each.accept(readable(row.chain(), c, r));
      }
      each.accept(own);
      return true;
    }
  }

  /** An append's parts: the WITH that moves the head, and the insert's table, columns and one-row select from it. */
  private record Appending(CommonTableExpression<Record1<UUID>> moved, Table<?> table, List<Field<?>> columns,
      org.jooq.Select<Record> values) {}

  /**
   * The parts of the append of {@code row} (see {@link #appendIfHead}); the head moves only while
   * the subject's key is still {@code subjectKey} when given, so no head move, no entry.
   */
  private Appending appending(Row row, Optional<byte[]> subjectKey) {
    DSLContext dsl = dsl(row.chain());
    UUID chainId = chainId(row.chain());
    String hash = HEX.formatHex(row.hash());
    Condition keyStillStored = subjectKey.<Condition>map(key -> DSL.exists(DSL.selectOne().from(AUDIT_SUBJECT_KEYS)
            .where(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(row.subject().orElseThrow()))
            .and(AUDIT_SUBJECT_KEYS.WRAPPED_KEY.eq(Base64.getEncoder().encodeToString(key)))))
        .orElse(DSL.trueCondition());
    ResultQuery<Record1<UUID>> move = row.sequence() == 1
        ? dsl.insertInto(AUDIT_CHAIN_HEADS, AUDIT_CHAIN_HEADS.CHAIN_ID, AUDIT_CHAIN_HEADS.SEQUENCE, AUDIT_CHAIN_HEADS.HASH)
            .select(DSL.select(DSL.val(chainId), DSL.val(1L), DSL.val(hash)).where(keyStillStored))
            .onConflictDoNothing()
            .returningResult(AUDIT_CHAIN_HEADS.CHAIN_ID)
        : dsl.update(AUDIT_CHAIN_HEADS)
            .set(AUDIT_CHAIN_HEADS.SEQUENCE, row.sequence())
            .set(AUDIT_CHAIN_HEADS.HASH, hash)
            .where(AUDIT_CHAIN_HEADS.CHAIN_ID.eq(chainId))
            .and(AUDIT_CHAIN_HEADS.SEQUENCE.eq(row.sequence() - 1))
            .and(AUDIT_CHAIN_HEADS.HASH.eq(HEX.formatHex(row.previousHash())))
            .and(keyStillStored)
            .returningResult(AUDIT_CHAIN_HEADS.CHAIN_ID);
    CommonTableExpression<Record1<UUID>> moved = DSL.name("moved").fields("chain_id").as(move);
    Columns c = columns(row.chain());
    List<Field<?>> columns = new ArrayList<>();
    List<Field<?>> values = new ArrayList<>();
    c.tenant().ifPresent(tenant -> {
      columns.add(tenant);
      values.add(DSL.val(chainId, tenant));
    });
    columns.addAll(c.values());
    values.add(DSL.val(row.sequence(), c.sequence()));
    values.add(DSL.val(SqlTime.utc(row.at()), c.at()));
    values.add(DSL.val(row.actor().kind().label(), c.actorKind()));
    values.add(DSL.val(row.actor().account().orElse(null), c.actorAccount()));
    values.add(DSL.val(row.actor().apiKey().orElse(null), c.actorApiKey()));
    values.add(DSL.val(row.action().label(), c.action()));
    values.add(DSL.val(row.targetType().label(), c.targetType()));
    values.add(DSL.val(row.targetId().orElse(null), c.targetId()));
    values.add(DSL.val(row.outcome().label(), c.outcome()));
    values.add(DSL.val(row.details().canonical(), c.details()));
    values.add(DSL.val(row.subject().orElse(null), c.subject()));
    values.add(DSL.val(base64(row.email()), c.email()));
    values.add(DSL.val(base64(row.ip()), c.ip()));
    values.add(DSL.val(base64(row.userAgent()), c.userAgent()));
    values.add(DSL.val(row.encoding(), c.encoding()));
    values.add(DSL.val(HEX.formatHex(row.previousHash()), c.previousHash()));
    values.add(DSL.val(hash, c.hash()));
    return new Appending(moved, c.table(), columns, DSL.select(values).from(moved));
  }

  @Override
  public List<Row> newestFirst(AuditChain chain, AuditFilter filter, OptionalLong below, int limit) {
    Columns c = columns(chain);
    Condition where = inChain(c, chain);
    if (below.isPresent()) {
      where = where.and(c.sequence().lt(below.getAsLong()));
    }
    where = where.and(filter.from().map(from -> c.at().ge(SqlTime.utc(from))).orElse(DSL.noCondition()))
        .and(filter.to().map(to -> c.at().lt(SqlTime.utc(to))).orElse(DSL.noCondition()))
        .and(filter.action().map(action -> c.action().eq(action.label())).orElse(DSL.noCondition()))
        .and(filter.targetType().map(type -> c.targetType().eq(type.label())).orElse(DSL.noCondition()))
        .and(filter.targetId().map(id -> c.targetId().eq(id)).orElse(DSL.noCondition()));
    return dsl(chain).select(withSubjectKey(c.values())).from(c.table())
        .leftJoin(AUDIT_SUBJECT_KEYS).on(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(c.subject()))
        .where(where)
        .orderBy(c.sequence().desc())
        .limit(limit)
        .fetch(r -> row(chain, c, r));
  }

  /**
   * One statement, so one snapshot: a one-row stand-in carries the head (if any), and every entry
   * is joined to it, oldest first.
   */
  @Override
  public Optional<Head> forEachOldestFirst(AuditChain chain, Consumer<Row> each) {
    Columns c = columns(chain);
    Table<Record1<UUID>> anchor = DSL.select(DSL.val(chainId(chain)).as("anchor_id")).asTable("anchor");
    Field<UUID> anchorId = anchor.field("anchor_id", UUID.class);
    Condition entries = c.tenant().map(tenant -> tenant.eq(anchorId)).orElse(DSL.trueCondition());
    List<Field<?>> select = withSubjectKey(c.values());
    select.add(AUDIT_CHAIN_HEADS.SEQUENCE.as("head_sequence"));
    select.add(AUDIT_CHAIN_HEADS.HASH.as("head_hash"));
    Optional<Head> head = Optional.empty();
    try (Cursor<Record> cursor = dsl(chain).select(select)
        .from(anchor)
        .leftJoin(AUDIT_CHAIN_HEADS).on(AUDIT_CHAIN_HEADS.CHAIN_ID.eq(anchorId))
        .leftJoin(c.table()).on(entries)
        .leftJoin(AUDIT_SUBJECT_KEYS).on(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(c.subject()))
        .orderBy(c.sequence().asc().nullsFirst())
        .fetchSize(500)
        .fetchLazy()) {
      boolean first = true;
      for (Record r : cursor) {
        if (first) {
          Long headSequence = r.get("head_sequence", Long.class);
          head = headSequence == null ? Optional.empty()
              : Optional.of(new Head(headSequence, HEX.parseHex(r.get("head_hash", String.class))));
          first = false;
        }
        if (r.get(c.sequence()) != null) {
          each.accept(readable(chain, c, r));
        }
      }
    }
    return head;
  }

  @Override
  public List<Row> signInsOf(UUID subject, List<AuditAction> signIns, OptionalLong below, int limit) {
    Columns c = PLATFORM_ENTRIES;
    Condition where = c.subject().eq(subject).and(c.action().in(signIns.stream().map(AuditAction::label).toList()));
    if (below.isPresent()) {
      where = where.and(c.sequence().lt(below.getAsLong()));
    }
    return transactions.dsl().select(withSubjectKey(c.values())).from(c.table())
        .leftJoin(AUDIT_SUBJECT_KEYS).on(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(c.subject()))
        .where(where)
        .orderBy(c.sequence().desc())
        .limit(limit)
        .fetch(r -> row(AuditChain.platform(), c, r));
  }

  @Override
  public Optional<byte[]> subjectKey(UUID subject) {
    return transactions.dsl().select(AUDIT_SUBJECT_KEYS.WRAPPED_KEY).from(AUDIT_SUBJECT_KEYS)
        .where(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(subject))
        .fetchOptional(r -> Base64.getDecoder().decode(r.value1()));
  }

  @Override
  public byte[] insertSubjectKey(UUID subject, byte[] wrapped, Instant createdAt) {
    int inserted = transactions.dsl().insertInto(AUDIT_SUBJECT_KEYS)
        .set(AUDIT_SUBJECT_KEYS.SUBJECT_ID, subject)
        .set(AUDIT_SUBJECT_KEYS.WRAPPED_KEY, Base64.getEncoder().encodeToString(wrapped))
        .set(AUDIT_SUBJECT_KEYS.CREATED_AT, SqlTime.utc(createdAt))
        .onConflictDoNothing()
        .execute();
    return inserted == 1 ? wrapped : subjectKey(subject).orElseThrow();
  }

  @Override
  public boolean deleteSubjectKey(UUID subject) {
    return transactions.dsl().deleteFrom(AUDIT_SUBJECT_KEYS).where(AUDIT_SUBJECT_KEYS.SUBJECT_ID.eq(subject))
        .execute() == 1;
  }

  @Override
  public List<AuditChain> chains() {
    return transactions.dsl().select(AUDIT_CHAIN_HEADS.CHAIN_ID).from(AUDIT_CHAIN_HEADS)
        .orderBy(AUDIT_CHAIN_HEADS.CHAIN_ID)
        .fetch(r -> r.value1().equals(PLATFORM) ? AuditChain.platform() : AuditChain.of(WorkspaceId.of(r.value1())));
  }

  private DSLContext dsl(AuditChain chain) {
    return chain.workspace().map(transactions::dsl).orElseGet(transactions::dsl);
  }

  private static Columns columns(AuditChain chain) {
    return chain.isPlatform() ? PLATFORM_ENTRIES : WORKSPACE_ENTRIES;
  }

  private static Condition inChain(Columns c, AuditChain chain) {
    return c.tenant().map(tenant -> tenant.eq(chain.workspace().orElseThrow().value())).orElse(DSL.noCondition());
  }

  private static UUID chainId(AuditChain chain) {
    return chain.workspace().map(WorkspaceId::value).orElse(PLATFORM);
  }

  private static String base64(Optional<byte[]> bytes) {
    return bytes.map(b -> Base64.getEncoder().encodeToString(b)).orElse(null);
  }

  private static Optional<byte[]> bytes(String base64) {
    return Optional.ofNullable(base64).map(b -> Base64.getDecoder().decode(b));
  }

  /** The row, or a stand-in of {@link AuditStore#UNREADABLE} encoding for one changed outside the application. */
  private static Row readable(AuditChain chain, Columns c, Record r) {
    try {
      return row(chain, c, r);
    } catch (RuntimeException unreadable) {
      return new Row(chain, r.get(c.sequence()), Instant.EPOCH, AuditActor.system(), AuditAction.AUDIT_EXPORTED,
          AuditTargetType.AUDIT, Optional.empty(), AuditOutcome.FAILED, AuditDetails.none(), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), UNREADABLE, new byte[32], new byte[32]);
    }
  }

  /** {@code fields} and the subject's wrapped key (left-joined: null when none), which every read reads along. */
  private static List<Field<?>> withSubjectKey(List<? extends Field<?>> fields) {
    List<Field<?>> select = new ArrayList<>(fields);
    select.add(AUDIT_SUBJECT_KEYS.WRAPPED_KEY.as(SUBJECT_KEY));
    return select;
  }

  @Override
  public boolean readsSubjectKeys() {
    return true;
  }

  private static Row row(AuditChain chain, Columns c, Record r) {
    AuditActor.Kind kind = AuditActor.kindOf(r.get(c.actorKind())).orElseThrow();
    return new Row(chain, r.get(c.sequence()), r.get(c.at()).toInstant(),
        new AuditActor(kind, Optional.ofNullable(r.get(c.actorAccount())), Optional.ofNullable(r.get(c.actorApiKey()))),
        AuditAction.fromLabel(r.get(c.action())).orElseThrow(),
        AuditTargetType.fromLabel(r.get(c.targetType())).orElseThrow(),
        Optional.ofNullable(r.get(c.targetId())),
        AuditOutcome.fromLabel(r.get(c.outcome())).orElseThrow(),
        AuditDetails.reconstitute(r.get(c.details())),
        Optional.ofNullable(r.get(c.subject())),
        bytes(r.get(c.email())), bytes(r.get(c.ip())), bytes(r.get(c.userAgent())),
        r.get(c.encoding()), HEX.parseHex(r.get(c.previousHash())), HEX.parseHex(r.get(c.hash())),
        r.field(SUBJECT_KEY) == null ? Optional.empty() : bytes(r.get(SUBJECT_KEY, String.class)));
  }
}
