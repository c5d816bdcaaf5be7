/** Services of the task feature and their factory, TaskServices. */
package dev.custodian.crm.core.task.service;
