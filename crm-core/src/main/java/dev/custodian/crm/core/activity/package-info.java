/** The activity feature: notes, calls, meetings and emails about a workspace's contacts, companies and deals. */
package dev.custodian.crm.core.activity;
