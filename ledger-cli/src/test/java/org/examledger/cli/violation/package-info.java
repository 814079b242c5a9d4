/** A deliberately broken class that proves the CLI's boundary rule fires (CliBoundaryTest). */
package org.examledger.cli.violation;
