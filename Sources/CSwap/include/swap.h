#ifndef STRATA_CSWAP_H
#define STRATA_CSWAP_H

/// Exchanges two paths in one step: after it, each name holds what the other held, and no
/// moment in between lacks either. Linux: renameat2(RENAME_EXCHANGE) through syscall(2), as
/// glibc's wrapper needs _GNU_SOURCE; macOS: renamex_np(RENAME_SWAP).
/// Returns 0, or -1 with errno set (ENOSYS or EINVAL where the system or file system cannot).
int strata_exchange_paths(const char *first, const char *second);

#endif
