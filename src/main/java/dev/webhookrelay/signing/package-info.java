/**
 * Signatures over the exact bytes sent. Pure functions: no CDI, no I/O. {@link dev.webhookrelay.signing.Signer} is the
 * entry point; {@link dev.webhookrelay.signing.SignatureScheme} names the header conventions receivers verify.
 */
package dev.webhookrelay.signing;
