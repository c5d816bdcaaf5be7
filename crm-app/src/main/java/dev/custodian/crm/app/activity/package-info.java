/** Wiring of activities, tasks and timelines. */
package dev.custodian.crm.app.activity;
