/** Services of the company feature and their factory, CompanyServices. */
package dev.custodian.crm.core.company.service;
