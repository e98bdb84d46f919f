/**
 * Which caller may act for which entity. {@link dev.webhookrelay.tenancy.Tenancy#authorize} is the one entry point;
 * {@link dev.webhookrelay.tenancy.Caller} is who sent a request, read from the Lambda event's IAM authorizer context
 * and the inbound API key.
 */
package dev.webhookrelay.tenancy;
