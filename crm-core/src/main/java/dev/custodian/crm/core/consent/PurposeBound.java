package dev.custodian.crm.core.consent;

/**
 * Marker of a service that processes contacts' data for a declared purpose (sending marketing
 * mail, listing whom a purpose allows): it must hold a
 * {@link dev.custodian.crm.core.consent.service.ProcessingGuard} and ask it per contact. An
 * architecture rule checks the field.
 */
public interface PurposeBound {}
