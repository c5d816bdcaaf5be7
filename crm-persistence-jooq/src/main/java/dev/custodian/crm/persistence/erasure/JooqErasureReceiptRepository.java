package dev.custodian.crm.persistence.erasure;

import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPTS;
import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPT_COUNTS;

import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.erasure.ErasureReceiptId;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.common.JooqTransactions;
import dev.custodian.crm.persistence.common.KeysetPaging;
import dev.custodian.crm.persistence.common.SqlTime;
import dev.custodian.crm.persistence.generated.tables.records.ErasureReceiptsRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/** Persistence adapter: {@link ErasureReceiptRepository} on {@code erasure_receipts} and their counts. */
final class JooqErasureReceiptRepository implements ErasureReceiptRepository {

  private final JooqTransactions transactions;

  JooqErasureReceiptRepository(JooqTransactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void insert(ErasureReceipt receipt) {
    DSLContext dsl = transactions.dsl(receipt.workspace());
    dsl.insertInto(ERASURE_RECEIPTS)
        .set(ERASURE_RECEIPTS.TENANT_ID, receipt.workspace().value())
        .set(ERASURE_RECEIPTS.ID, receipt.id().value())
        .set(ERASURE_RECEIPTS.CONTACT_ID, receipt.contactId().value())
        .set(ERASURE_RECEIPTS.ERASED_AT, SqlTime.utc(receipt.erasedAt()))
        .execute();
    if (receipt.removedByParticipant().isEmpty()) {
      return;
    }
    var counts = dsl.insertInto(ERASURE_RECEIPT_COUNTS, ERASURE_RECEIPT_COUNTS.TENANT_ID,
        ERASURE_RECEIPT_COUNTS.RECEIPT_ID, ERASURE_RECEIPT_COUNTS.PARTICIPANT,
        ERASURE_RECEIPT_COUNTS.POSITION, ERASURE_RECEIPT_COUNTS.RECORDS_REMOVED);
    int position = 0;
    for (Map.Entry<String, Integer> count : receipt.removedByParticipant().entrySet()) {
      counts = counts.values(receipt.workspace().value(), receipt.id().value(), count.getKey(),
          position++, count.getValue());
    }
    counts.execute(); // one statement for every participant's count
  }

  @Override
  public Page<ErasureReceipt> list(WorkspaceId workspace, PageRequest page) {
    DSLContext dsl = transactions.dsl(workspace);
    Page<ErasureReceiptsRecord> rows = KeysetPaging.page(
        dsl.selectFrom(ERASURE_RECEIPTS).where(ERASURE_RECEIPTS.TENANT_ID.eq(workspace.value())),
        ERASURE_RECEIPTS.ERASED_AT, ERASURE_RECEIPTS.ID, page);
    Map<UUID, Map<String, Integer>> counts = new LinkedHashMap<>();
    dsl.selectFrom(ERASURE_RECEIPT_COUNTS)
        .where(ERASURE_RECEIPT_COUNTS.TENANT_ID.eq(workspace.value()))
        .and(ERASURE_RECEIPT_COUNTS.RECEIPT_ID.in(rows.items().stream().map(ErasureReceiptsRecord::getId).toList()))
        .orderBy(ERASURE_RECEIPT_COUNTS.RECEIPT_ID, ERASURE_RECEIPT_COUNTS.POSITION)
        .forEach(c -> counts.computeIfAbsent(c.getReceiptId(), id -> new LinkedHashMap<>())
            .put(c.getParticipant(), c.getRecordsRemoved()));
    return rows.map(r -> new ErasureReceipt(new ErasureReceiptId(r.getId()), WorkspaceId.of(r.getTenantId()),
        ContactId.of(r.getContactId()), r.getErasedAt().toInstant(), counts.getOrDefault(r.getId(), Map.of())));
  }
}
