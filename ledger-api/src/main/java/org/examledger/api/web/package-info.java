/**
 * The HTTP API: JSON requests turned into commands and queries, and every refusal answered as an
 * RFC 9457 problem-details body that names the field and the rule.
 */
package org.examledger.api.web;
