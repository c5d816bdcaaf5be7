/**
 * Links of activities and tasks to the contacts, companies and deals they are about, and the
 * record a timeline is of.
 */
package dev.custodian.crm.core.link;
