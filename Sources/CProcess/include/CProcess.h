#ifndef SICHTBAR_CPROCESS_H
#define SICHTBAR_CPROCESS_H

/// Marks the process non-dumpable (no core dumps, no ptrace by other users) and sets the core
/// size limit to zero. Returns 0 on success.
int sichtbar_disable_core_dumps(void);

#endif
