/**
 * The service provider of the SERVQUAL state family (not exported: not part of the API).
 */
package io.github.cxmetrics.servqual.internal;
