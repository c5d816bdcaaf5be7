/** The throttle that use cases call before they do any work. */
package dev.custodian.crm.core.throttle.service;
