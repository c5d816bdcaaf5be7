/** Services of the deal feature and their factory, DealServices. */
package dev.custodian.crm.core.deal.service;
