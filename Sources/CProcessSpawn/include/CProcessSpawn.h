#ifndef MHUB_CPROCESSSPAWN_H
#define MHUB_CPROCESSSPAWN_H
#include <spawn.h>

/* Adds a spawn action that closes every descriptor from `lowest` up in the child, so a
 * child never inherits files this process (or a library in it) opened without
 * close-on-exec. glibc declares the call only under _GNU_SOURCE, which Swift's Glibc
 * module does not define; the definition in the .c file does. */
int mhub_spawn_file_actions_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
