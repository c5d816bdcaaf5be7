/** Timelines: what happened around a contact, company or deal, newest first. */
package dev.custodian.crm.core.timeline;
