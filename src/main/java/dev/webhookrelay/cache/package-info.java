/**
 * Memory that stays bounded whatever the input: {@link dev.webhookrelay.cache.BoundedCache}, a least-recently-used memo
 * capped by entry count and by the summed weight of its keys. Pure: no CDI, no I/O. The trigger and payload packages
 * keep their compiled filters, regexes and templates in it.
 */
package dev.webhookrelay.cache;
