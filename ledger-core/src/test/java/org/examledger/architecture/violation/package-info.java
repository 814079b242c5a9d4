/**
 * Test-only fixtures that break a boundary rule on purpose, so that a test can show the rule
 * reports them. Never imported by the boundary test itself (it excludes test classes).
 */
package org.examledger.architecture.violation;
