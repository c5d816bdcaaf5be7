/** Service of timelines, TimelineServices. */
package dev.custodian.crm.core.timeline.service;
