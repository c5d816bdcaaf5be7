/** Persistence adapter of activities, their links, the link targets check and timelines. */
package dev.custodian.crm.persistence.activity;
