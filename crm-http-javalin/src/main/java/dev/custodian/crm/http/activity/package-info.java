/** The activity routes, behind ActivityApi. */
package dev.custodian.crm.http.activity;
