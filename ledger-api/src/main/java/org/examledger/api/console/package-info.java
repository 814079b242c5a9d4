/**
 * The web console (docs/console.md): server-rendered pages in Chinese and English over the same
 * read models and services the JSON API answers from, behind the console's form sign-in.
 * Controllers and the view models they fill; nothing here writes to the ledger.
 */
package org.examledger.api.console;
