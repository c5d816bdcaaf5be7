package dev.custodian.crm.persistence.privacy;

import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPTS;
import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPT_COUNTS;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageCursor;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.privacy.ErasureReceipt;
import dev.custodian.crm.core.privacy.ErasureReceiptId;
import dev.custodian.crm.core.privacy.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ErasureReceiptCountsRecord;
import dev.custodian.crm.persistence.generated.tables.records.ErasureReceiptsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link ErasureReceiptRepository} on {@code erasure_receipts} and their counts. */
public final class JooqErasureReceiptRepository implements ErasureReceiptRepository {

  private final JooqTransactions transactions;

  public JooqErasureReceiptRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(ErasureReceipt receipt) {
    DSLContext dsl = transactions.dsl();
    dsl.insertInto(ERASURE_RECEIPTS)
        .set(ERASURE_RECEIPTS.TENANT_ID, receipt.tenant().value())
        .set(ERASURE_RECEIPTS.ID, receipt.id().value())
        .set(ERASURE_RECEIPTS.CONTACT_ID, receipt.contactId().value())
        .set(ERASURE_RECEIPTS.ERASED_AT, SqlTime.utc(receipt.erasedAt()))
        .execute();
    List<ErasureReceiptCountsRecord> counts = new ArrayList<>();
    int position = 0;
    for (Map.Entry<String, Integer> count : receipt.removedByParticipant().entrySet()) {
      ErasureReceiptCountsRecord row = new ErasureReceiptCountsRecord();
      row.setTenantId(receipt.tenant().value());
      row.setReceiptId(receipt.id().value());
      row.setParticipant(count.getKey());
      row.setPosition(position++);
      row.setRecordsRemoved(count.getValue());
      counts.add(row);
    }
    for (ErasureReceiptCountsRecord row : counts) {
      dsl.insertInto(ERASURE_RECEIPT_COUNTS).set(row).execute();
    }
  }

  @Override
  public Page<ErasureReceipt> list(TenantId tenant, PageRequest page) {
    DSLContext dsl = transactions.dsl();
    Condition after = page.after()
        .map(c -> DSL.row(ERASURE_RECEIPTS.ERASED_AT, ERASURE_RECEIPTS.ID).gt(SqlTime.utc(c.createdAt()), c.id()))
        .orElse(DSL.noCondition());
    List<ErasureReceiptsRecord> rows = dsl.selectFrom(ERASURE_RECEIPTS)
        .where(ERASURE_RECEIPTS.TENANT_ID.eq(tenant.value()))
        .and(after)
        .orderBy(ERASURE_RECEIPTS.ERASED_AT, ERASURE_RECEIPTS.ID)
        .limit(page.limit() + 1)
        .fetch();
    Map<UUID, Map<String, Integer>> counts = new LinkedHashMap<>();
    dsl.selectFrom(ERASURE_RECEIPT_COUNTS)
        .where(ERASURE_RECEIPT_COUNTS.TENANT_ID.eq(tenant.value()))
        .and(ERASURE_RECEIPT_COUNTS.RECEIPT_ID.in(rows.stream().map(ErasureReceiptsRecord::getId).toList()))
        .orderBy(ERASURE_RECEIPT_COUNTS.RECEIPT_ID, ERASURE_RECEIPT_COUNTS.POSITION)
        .forEach(c -> counts.computeIfAbsent(c.getReceiptId(), id -> new LinkedHashMap<>())
            .put(c.getParticipant(), c.getRecordsRemoved()));
    List<ErasureReceipt> receipts = rows.stream()
        .map(r -> new ErasureReceipt(new ErasureReceiptId(r.getId()), TenantId.of(r.getTenantId()),
            ContactId.of(r.getContactId()), r.getErasedAt().toInstant(), counts.getOrDefault(r.getId(), Map.of())))
        .toList();
    return Page.fromLookahead(receipts, page.limit(), r -> new PageCursor(r.erasedAt(), r.id().value()));
  }
}
