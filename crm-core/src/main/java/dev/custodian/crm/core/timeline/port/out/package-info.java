/** Out-port of timelines: one read over activities, tasks and a deal's stage changes. */
package dev.custodian.crm.core.timeline.port.out;
