/** Services of the activity feature and their factory, ActivityServices. */
package dev.custodian.crm.core.activity.service;
