/**
 * Team secrets, resolved per entity. {@link dev.webhookrelay.secrets.SecretStore} is the one entry point; the store that
 * serves is chosen at run time by {@code relay.secrets.store}. Values travel as {@link dev.webhookrelay.secrets.Secret},
 * which never prints them.
 */
package dev.webhookrelay.secrets;
