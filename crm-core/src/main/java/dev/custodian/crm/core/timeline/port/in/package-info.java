/** In-port of timelines. */
package dev.custodian.crm.core.timeline.port.in;
