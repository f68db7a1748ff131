#ifndef SICHTBAR_CPROCESS_H
#define SICHTBAR_CPROCESS_H

/// Marks the process non-dumpable (no core dumps, no ptrace by other users) and sets the core
/// size limit to zero. Returns 0 on success.
int sichtbar_disable_core_dumps(void);

/// Raises the soft limit on open files to the hard limit. Returns the soft limit in force
/// afterwards, or -1 when it cannot be read.
long long sichtbar_raise_open_files_limit(void);

#endif
