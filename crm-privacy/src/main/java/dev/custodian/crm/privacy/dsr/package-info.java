/**
 * The executors of data-subject requests' rights, over the use cases of contacts, erasure and
 * consent (each joins the execution's transaction), and the {@code requests} erasure participant.
 */
package dev.custodian.crm.privacy.dsr;
