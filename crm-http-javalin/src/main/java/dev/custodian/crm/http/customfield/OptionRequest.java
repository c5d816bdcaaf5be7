package dev.custodian.crm.http.customfield;

/**
 * One option of a select field in a request.
 *
 * @param key its stable key: a lower-case letter, then up to 49 lower-case letters, digits or {@code _}
 */
record OptionRequest(String key, String label) {}
