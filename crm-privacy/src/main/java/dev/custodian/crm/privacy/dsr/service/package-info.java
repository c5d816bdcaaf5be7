/**
 * Services of data-subject packages (issue 28, items 6 and 7): the subject data participants of
 * every store, the packager that streams a ZIP into the package store, the download and the expiry sweep.
 */
package dev.custodian.crm.privacy.dsr.service;
