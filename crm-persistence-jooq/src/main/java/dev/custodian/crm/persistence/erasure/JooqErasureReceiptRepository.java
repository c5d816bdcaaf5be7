package dev.custodian.crm.persistence.erasure;

import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPTS;
import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPT_COUNTS;
import static dev.custodian.crm.persistence.generated.Tables.ERASURE_RECEIPT_REVIEWS;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Result;
import org.jooq.impl.DSL;

/** Persistence adapter: {@link ErasureReceiptRepository} on {@code erasure_receipts}, their counts and the records kept for review. */
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
    if (!receipt.forReview().isEmpty()) {
      var reviews = dsl.insertInto(ERASURE_RECEIPT_REVIEWS, ERASURE_RECEIPT_REVIEWS.TENANT_ID,
          ERASURE_RECEIPT_REVIEWS.RECEIPT_ID, ERASURE_RECEIPT_REVIEWS.PARTICIPANT, ERASURE_RECEIPT_REVIEWS.RECORD_ID);
      for (ErasureReceipt.ReviewItem item : receipt.forReview()) {
        reviews = reviews.values(receipt.workspace().value(), receipt.id().value(), item.participant(),
            item.recordId());
      }
      reviews.execute(); // one statement for every record kept for review
    }
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
    // Each receipt with its counts in one statement (a nested JSON array), not a second query.
    Field<Result<Record2<String, Integer>>> counts = DSL.multiset(
        DSL.select(ERASURE_RECEIPT_COUNTS.PARTICIPANT, ERASURE_RECEIPT_COUNTS.RECORDS_REMOVED)
            .from(ERASURE_RECEIPT_COUNTS)
            .where(ERASURE_RECEIPT_COUNTS.RECEIPT_ID.eq(ERASURE_RECEIPTS.ID))
            .and(ERASURE_RECEIPT_COUNTS.TENANT_ID.eq(ERASURE_RECEIPTS.TENANT_ID))
            .orderBy(ERASURE_RECEIPT_COUNTS.POSITION)).as("counts");
    Field<Result<Record2<String, UUID>>> reviews = DSL.multiset(
        DSL.select(ERASURE_RECEIPT_REVIEWS.PARTICIPANT, ERASURE_RECEIPT_REVIEWS.RECORD_ID)
            .from(ERASURE_RECEIPT_REVIEWS)
            .where(ERASURE_RECEIPT_REVIEWS.RECEIPT_ID.eq(ERASURE_RECEIPTS.ID))
            .and(ERASURE_RECEIPT_REVIEWS.TENANT_ID.eq(ERASURE_RECEIPTS.TENANT_ID))
            .orderBy(ERASURE_RECEIPT_REVIEWS.PARTICIPANT, ERASURE_RECEIPT_REVIEWS.RECORD_ID)).as("reviews");
    return KeysetPaging.page(
        dsl.select(ERASURE_RECEIPTS.ID, ERASURE_RECEIPTS.TENANT_ID, ERASURE_RECEIPTS.CONTACT_ID,
                ERASURE_RECEIPTS.ERASED_AT, counts, reviews)
            .from(ERASURE_RECEIPTS)
            .where(ERASURE_RECEIPTS.TENANT_ID.eq(workspace.value())),
        ERASURE_RECEIPTS.ERASED_AT, ERASURE_RECEIPTS.ID, page)
        .map(r -> {
          Map<String, Integer> removed = new LinkedHashMap<>();
          r.value5().forEach(c -> removed.put(c.value1(), c.value2()));
          return new ErasureReceipt(new ErasureReceiptId(r.value1()), WorkspaceId.of(r.value2()),
              ContactId.of(r.value3()), r.value4().toInstant(), removed,
              r.value6().map(v -> new ErasureReceipt.ReviewItem(v.value1(), v.value2())));
        });
  }
}
