/** The session feature's services and their factory, SessionServices. */
package dev.custodian.crm.core.session.service;
