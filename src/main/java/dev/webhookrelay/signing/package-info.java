/**
 * Signatures over the exact bytes sent. Pure functions: no CDI, no I/O. {@link dev.webhookrelay.signing.Signer} signs;
 * {@link dev.webhookrelay.signing.SignatureVerifier} checks, as a receiver does;
 * {@link dev.webhookrelay.signing.SignatureScheme} names the header conventions. docs/signatures.md has the receiver side.
 */
package dev.webhookrelay.signing;
