/**
 * Lists: one grammar for all of them ({@link dev.custodian.crm.core.common.paging.ListQuery}: filters,
 * a sort, {@code limit} and an opaque {@code cursor}, as each list's
 * {@link dev.custodian.crm.core.common.paging.ListOffer} allows), keyset pages, and the one walk
 * order every adapter follows (empty values last both ways, text by a case-folded key in code-point
 * order, ties by id in PostgreSQL's order of uuids).
 */
package dev.custodian.crm.core.common.paging;
