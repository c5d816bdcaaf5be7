/** Services of the custom field feature and their factory, CustomFieldServices. */
package dev.custodian.crm.core.customfield.service;
