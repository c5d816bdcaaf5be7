/** The timeline routes, behind TimelineApi. */
package dev.custodian.crm.http.timeline;
